namespace KratosConformance.Containers;

/// <summary>
/// The run's patience as this project sees it (it can not reference the client library, where <c>Patience</c> lives):
/// the same factor (<c>--patience</c>, <c>KC_PATIENCE</c>) scaling the same kind of baselines, so a slow machine needs
/// one setting for the containers too. The harness passes its own (<c>new ContainerPatience(settings.Patience.Factor)</c>);
/// code without a harness above it (cleanup hooks, ./kc images) reads <c>KC_PATIENCE</c>, which every kc command sets.
/// </summary>
public sealed record ContainerPatience
{
    /// <summary>The environment variable (the harness's KC_PATIENCE).</summary>
    public const string Variable = "KC_PATIENCE";

    /// <summary>The command-line option that sets it.</summary>
    public const string Option = "--patience";

    public ContainerPatience(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0.1 || factor > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "patience must be a factor from 0.1 to 100");
        }

        Factor = factor;
    }

    /// <summary>Factor 1: the baselines as written.</summary>
    public static ContainerPatience Default { get; } = new(1);

    public double Factor { get; }

    /// <summary>Kratos's admin API answering /admin/health/ready after the container started (real Kratos on 2 loaded cores: seconds).</summary>
    public ContainerDeadline KratosReady => For("Kratos ready", TimeSpan.FromSeconds(60));

    /// <summary>The one-shot `kratos migrate sql -e --yes` container, from create to exit.</summary>
    public ContainerDeadline KratosMigration => For("Kratos migration", TimeSpan.FromMinutes(3));

    /// <summary>A mail sink container answering its HTTP API after start.</summary>
    public ContainerDeadline MailSinkReady => For("mail sink ready", TimeSpan.FromSeconds(60));

    /// <summary>Removing this run's containers, networks and volumes when the process is interrupted or exits.</summary>
    public ContainerDeadline Cleanup => For("container cleanup", TimeSpan.FromSeconds(20));

    /// <summary>One request to the Docker Engine API over its socket (inspect, list, delete; not a build).</summary>
    public ContainerDeadline DockerRequest => For("Docker API request", TimeSpan.FromSeconds(30));

    /// <summary>Waiting for another process that builds the same local image (a cold build of the double takes about a minute).</summary>
    public ContainerDeadline ImageBuildLock => For("local image build lock", TimeSpan.FromMinutes(15));

    /// <summary>Pulling an image that is not on this machine (a real Kratos image over a slow link: minutes).</summary>
    public ContainerDeadline ImagePull => For("image pull", TimeSpan.FromMinutes(10));

    /// <summary>KC_PATIENCE when it holds a valid factor, else 1.</summary>
    public static ContainerPatience FromEnvironment() =>
        double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
        && double.IsFinite(f) && f >= 0.1 && f <= 100
            ? new ContainerPatience(f)
            : Default;

    /// <summary>The deadline named <paramref name="name" /> for a baseline at patience 1.</summary>
    public ContainerDeadline For(string name, TimeSpan baseline) => new(name, baseline * Factor, this);

    /// <summary>"--patience 2 (or KC_PATIENCE=2)": the setting that would double every deadline.</summary>
    public string HowToRaise
    {
        get
        {
            var next = (Factor * 2).ToString("0.##", CultureInfo.InvariantCulture);
            return $"{Option} {next} (or {Variable}={next})";
        }
    }

    public override string ToString() => Factor.ToString("0.##", CultureInfo.InvariantCulture);
}
