using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// One in-process target kept for a series of suite runs in this process (the kill matrix, the version runs): its
/// doubles, reference UIs and mailbox readers start once, and each run switches the doubles to its deviations and
/// version with an empty store (<see cref="InProcessTarget.ReuseForAsync"/>). Restarting them per run cost more than
/// the tests. While one is started, <see cref="ConformanceTargets.CreateAsync"/> hands the suites' run a lease on it
/// instead of a new target (the suites are loaded into this process and read their settings from KC_* variables, so
/// this is the one place a runner and the suites meet); the lease's end leaves it running. Runs must not overlap.
/// </summary>
public sealed class SharedInProcessTarget : IAsyncDisposable
{
    private static SharedInProcessTarget? _current;
    private readonly InProcessTarget _target;

    private SharedInProcessTarget(InProcessTarget target) => _target = target;

    /// <summary>The shared target in use, if a runner started one.</summary>
    internal static SharedInProcessTarget? Current => Volatile.Read(ref _current);

    /// <summary>Creates the target for <paramref name="settings"/> (an in-process one) and shares it until disposed.</summary>
    /// <exception cref="InvalidOperationException">Another shared target is in use.</exception>
    public static Task<SharedInProcessTarget> StartAsync(HarnessSettings settings, CancellationToken cancellationToken = default) =>
        StartAsync(settings, null, cancellationToken);

    /// <summary>
    /// Creates the target for <paramref name="settings"/> (an in-process one) and shares it until disposed. With
    /// <paramref name="sink"/>, the doubles send mail to it and the tests read it there (the sink stays the caller's).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another shared target is in use.</exception>
    public static async Task<SharedInProcessTarget> StartAsync(HarnessSettings settings, MailSinks.InMemorySmtpSink? sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target != TargetKind.InProcess)
        {
            throw new ArgumentException($"only an in-process target can be shared, not {settings.Target.Id()}", nameof(settings));
        }

        var composer = new ProfileComposer(RepositoryLayout.ProfilesDirectory, settings.ConfigFile, settings.SchemaFile, settings.ConfigOverlay);
        var target = sink is null
            ? await InProcessTarget.CreateAsync(settings, composer, cancellationToken).ConfigureAwait(false)
            : InProcessTarget.WithSink(settings, composer, sink, sink.SmtpUri);
        var shared = new SharedInProcessTarget(target);
        if (Interlocked.CompareExchange(ref _current, shared, null) is not null)
        {
            await shared._target.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("another shared in-process target is in use: runs that share one must run one after the other.");
        }

        return shared;
    }

    /// <summary>The target switched to <paramref name="settings"/>, for one run; disposing the lease leaves it running.</summary>
    internal async Task<IConformanceTarget> LeaseAsync(HarnessSettings settings, CancellationToken cancellationToken)
    {
        await _target.ReuseForAsync(settings, cancellationToken).ConfigureAwait(false);
        return new Lease(_target);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.CompareExchange(ref _current, null, this);
        await _target.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The run's view of the shared target: everything but the end of its life.</summary>
    private sealed class Lease(InProcessTarget target) : IConformanceTarget
    {
        public string Name => target.Name;
        public string KratosDescription => target.KratosDescription;
        public string MailDescription => target.MailDescription;

        public Task<DeploymentLookup> GetDeploymentAsync(string profile, CancellationToken cancellationToken = default) =>
            target.GetDeploymentAsync(profile, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
