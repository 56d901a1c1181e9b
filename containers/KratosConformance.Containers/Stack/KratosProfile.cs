namespace KratosConformance.Containers;

/// <summary>
/// One Kratos in the stack: its name (network alias kratos-NAME), its kratos.yml and its identity schema, and
/// optionally the host port of its public API, when the caller must know Kratos's public URL before it starts (to
/// put it into a UI that Kratos's own config names).
/// </summary>
public sealed record KratosProfile(
    string Name,
    string ConfigYml,
    string IdentitySchemaJson,
    string IdentitySchemaFileName = "identity.schema.json",
    int? PublicHostPort = null)
{
    /// <summary>Further files kratos.yml names (templates, schemas), copied beside it: file name → content.</summary>
    public IReadOnlyDictionary<string, string> ConfigFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>This Kratos's image instead of the stack's (an upgrade runs A's and B's image in one stack).</summary>
    public string? Image { get; init; }

    /// <summary>Environment on top of the stack's (e.g. the double's KRATOS_DOUBLE_EMULATE for one version).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A named volume for the SQLite file that outlives this Kratos (<see cref="KratosBuilder.WithSqliteVolume" />).</summary>
    public IVolume? SqliteVolume { get; init; }
}
