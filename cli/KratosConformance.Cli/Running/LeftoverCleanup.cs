using KratosConformance.Client.Waiting;
using KratosConformance.Containers;

namespace KratosConformance.Cli.Running;

/// <summary>
/// The start-up sweep of every command that starts containers (run with the containers target, images, and so test):
/// removes the containers, networks and volumes of runs that died without cleaning up, never a live run's
/// (<see cref="LeftoverSweep" />), and says what it removed on stderr.
/// </summary>
public static class LeftoverCleanup
{
    public static void Run(TextWriter error, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(patience);
        var removed = LeftoverSweep.RunAsync(new ContainerPatience(patience.Factor), cancellationToken).GetAwaiter().GetResult();
        if (removed.Count > 0)
        {
            error.WriteLine($"kc: removed {removed.Count} leftover(s) of runs that ended without cleaning up: {string.Join("; ", removed)}");
        }
    }
}
