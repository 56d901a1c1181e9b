namespace KratosConformance.Containers;

/// <summary>A container, network or volume carrying the project's session label, with all its labels (for tests and diagnostics).</summary>
public sealed record LabelledResource(string Kind, string Name, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The session id it belongs to.</summary>
    public string Session => Labels.TryGetValue(DockerEnvironment.SessionLabel, out var session) ? session : string.Empty;

    public override string ToString() => $"{Kind} {Name} ({Session})";
}
