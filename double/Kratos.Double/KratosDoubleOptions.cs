using Kratos.Double.Config;

namespace Kratos.Double;

/// <summary>Everything the <c>kratos-double</c> command line can set, so in-process hosts get the same knobs.</summary>
public sealed class KratosDoubleOptions
{
    /// <summary>Path to a <c>kratos.yml</c> (one <c>-c</c> flag).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Several <c>-c</c> files, later ones overriding earlier ones; wins over <see cref="ConfigFile"/>.</summary>
    public IReadOnlyList<string> ConfigFiles { get; set; } = [];

    /// <summary>Config text, used instead of <see cref="ConfigFile"/> by in-process hosts.</summary>
    public string? ConfigYaml { get; set; }

    /// <summary><c>--dev</c>: cookies not Secure, courier bodies not redacted (cmd/serve/root.go).</summary>
    public bool Dev { get; set; }

    /// <summary><c>--watch-courier</c>: mail is only sent when the courier worker runs in the serve process.</summary>
    public bool WatchCourier { get; set; }

    /// <summary>"v26.2.0" (default), "v25.4.0" or "v1.3.1"; falls back to env <c>KRATOS_DOUBLE_EMULATE</c>.</summary>
    public string? Emulate { get; set; }

    /// <summary>Named misbehaviours; falls back to env <c>KRATOS_DOUBLE_DEVIATIONS</c> (comma separated).</summary>
    public IReadOnlyCollection<string> Deviations { get; set; } = [];

    /// <summary>Source of environment overrides (<c>SELFSERVICE_…</c>); defaults to the process environment.</summary>
    public IDictionary<string, string> Environment { get; set; } = ReadProcessEnvironment();

    /// <summary>Overrides <c>serve.public.port</c>; 0 picks a free port.</summary>
    public int? PublicPort { get; set; }

    /// <summary>Overrides <c>serve.admin.port</c>; 0 picks a free port.</summary>
    public int? AdminPort { get; set; }

    /// <summary>
    /// A socket already bound and listening (e.g. on 127.0.0.1:0) that the public httpd takes over instead of binding
    /// <see cref="PublicPort" />: a host that must know the port before the start (its base URL goes into kratos.yml)
    /// reserves it this way, leaving no moment in which another process could take it. The httpd closes it when it stops.
    /// </summary>
    public System.Net.Sockets.Socket? PublicListener { get; set; }

    /// <summary>As <see cref="PublicListener"/>, for the admin httpd.</summary>
    public System.Net.Sockets.Socket? AdminListener { get; set; }

    /// <summary>
    /// Interface to listen on instead of serve.public.host / serve.admin.host (Kratos's default: every interface);
    /// in-process hosts use 127.0.0.1.
    /// </summary>
    public string? BindAddress { get; set; }

    /// <summary>Where Kratos-style log lines go; defaults to stderr, as Kratos's logger writes.</summary>
    public TextWriter? LogWriter { get; set; }

    /// <summary><c>--sqa-opt-out</c>: Kratos then does not announce its telemetry (the double sends none either way).</summary>
    public bool SqaOptOut { get; set; }

    /// <summary>
    /// How long serve retries a SQLite database it can not use yet (never migrated) before it gives up: Kratos's
    /// five minutes by default; tests shorten it.
    /// </summary>
    public TimeSpan StorageRetryBudget { get; set; } = State.Opening.Storage.KratosRetryBudget;

    internal string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The copy the config, storage and listener layers read.</summary>
    internal ServeSettings Settings() => new()
    {
        ConfigYaml = ConfigYaml,
        ConfigFiles = ConfigFiles.Count > 0 ? ConfigFiles : ConfigFile is { } one ? [one] : [],
        Dev = Dev,
        Emulate = Emulate,
        RequestedDeviations = Deviations,
        Environment = Environment,
        PublicPort = PublicPort,
        AdminPort = AdminPort,
        PublicListener = PublicListener,
        AdminListener = AdminListener,
        BindAddress = BindAddress,
        SqaOptOut = SqaOptOut,
    };

    private static Dictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}
