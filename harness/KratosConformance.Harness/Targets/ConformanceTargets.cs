using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Creates the target the settings name. The suites call this once per run (their SetUpFixture). An in-process run
/// while a runner shares a target (<see cref="SharedInProcessTarget"/>) gets a lease on that one instead.
/// </summary>
public static class ConformanceTargets
{
    public static async Task<IConformanceTarget> CreateAsync(HarnessSettings settings, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.Target == TargetKind.InProcess && SharedInProcessTarget.Current is { } shared)
        {
            var lease = await shared.LeaseAsync(settings, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync($"target {lease.Name} (shared, reconfigured): Kratos {lease.KratosDescription}; mail {lease.MailDescription}").ConfigureAwait(false);
            return lease;
        }

        var composer = new ProfileComposer(RepositoryLayout.ProfilesDirectory, settings.ConfigFile, settings.SchemaFile, settings.ConfigOverlay);
        IConformanceTarget target = settings.Target switch
        {
            TargetKind.External => await ExternalTarget.CreateAsync(settings, composer, cancellationToken).ConfigureAwait(false),
            TargetKind.Containers => await ContainersTarget.CreateAsync(settings, composer, log, cancellationToken).ConfigureAwait(false),
            _ => await InProcessTarget.CreateAsync(settings, composer, cancellationToken).ConfigureAwait(false),
        };
        await log.WriteLineAsync($"target {target.Name}: Kratos {target.KratosDescription}; mail {target.MailDescription}").ConfigureAwait(false);
        return target;
    }
}
