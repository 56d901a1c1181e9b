namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// One row of the upgrade section: a seeded subject (user, session, flow, the database), one factor or property, what
/// A showed before the upgrade and B after it, and whether that is what Kratos keeps across an upgrade.
/// </summary>
public sealed record UpgradeFinding(string Subject, string Factor, string Before, string After, bool Passed, string? Note = null);
