namespace KratosConformance.Harness.Upgrade;

/// <summary>Everything seeded on version A that the verifier checks on B.</summary>
public sealed record SeededPopulation(IReadOnlyList<SeededIdentity> Identities, IReadOnlyList<SeededSession> Sessions, InFlightLogin InFlight);
