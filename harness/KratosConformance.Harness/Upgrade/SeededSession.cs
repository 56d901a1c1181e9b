namespace KratosConformance.Harness.Upgrade;

/// <summary>A live session issued by version A (a native app's session token) and what whoami said of it on A.</summary>
public sealed record SeededSession(string Role, SeededIdentity Identity, string Token, string IssuedAal, SessionObservation Before);
