namespace KratosConformance.Containers;

/// <summary>What <see cref="DockerEnvironment.EnsureConfigured" /> decided, with one note per decision saying why.</summary>
public sealed record DockerSettings(
    string Endpoint,
    string? ApiVersion,
    bool? ReaperEnabled,
    string? HostOverride,
    IReadOnlyList<string> Notes);
