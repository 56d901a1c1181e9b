namespace Kratos.Double.Config;

/// <summary>
/// What the layers below the host read of <see cref="KratosDoubleOptions"/>: where the config comes from, the
/// environment, the listeners and the double's own knobs. The public options live in the host's namespace; this copy
/// lets config, storage and listeners stay below it (no namespace cycle).
/// </summary>
internal sealed record ServeSettings
{
    public string? ConfigYaml { get; init; }
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];
    public bool Dev { get; init; }
    public string? Emulate { get; init; }
    public IReadOnlyCollection<string> RequestedDeviations { get; init; } = [];
    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public int? PublicPort { get; init; }
    public int? AdminPort { get; init; }
    public System.Net.Sockets.Socket? PublicListener { get; init; }
    public System.Net.Sockets.Socket? AdminListener { get; init; }
    public string? BindAddress { get; init; }
    public bool SqaOptOut { get; init; }

    public string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;
}
