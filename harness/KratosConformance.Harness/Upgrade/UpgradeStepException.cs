namespace KratosConformance.Harness.Upgrade;

/// <summary>A seeding or verification step Kratos did not complete; the message says which and what Kratos answered.</summary>
public sealed class UpgradeStepException(string message) : Exception(message);
