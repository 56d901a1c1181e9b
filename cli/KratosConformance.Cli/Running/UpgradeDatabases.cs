using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Upgrade;

namespace KratosConformance.Cli.Running;

/// <summary>Which database an upgrade runs on, by target: a Docker volume shared by two containers, or a file in this process.</summary>
public static class UpgradeDatabases
{
    public static Func<TextWriter, CancellationToken, Task<IUpgradeDatabase>> For(TargetKind kind, HarnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return kind == TargetKind.Containers
            ? async (_, ct) => await ContainersUpgradeDatabase.CreateAsync(settings.Patience, ct).ConfigureAwait(false)
            : async (log, ct) => await InProcessUpgradeDatabase.CreateAsync(settings.Patience, log, ct).ConfigureAwait(false);
    }
}
