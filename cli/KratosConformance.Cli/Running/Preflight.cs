using KratosConformance.Containers;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Checks, before anything is started or written, what can be checked in a second: that the external deployment
/// answers and says its version, that a Docker daemon answers for the containers target. A problem here ends the
/// command with the cause and the fix instead of 38 identical failed tests.
/// </summary>
public static class Preflight
{
    public static void Check(HarnessSettings settings)
    {
        try
        {
            switch (settings.Target)
            {
                case TargetKind.External:
                    // Creating the external target only probes health and /version; it starts nothing.
                    ConformanceTargets.CreateAsync(settings, TextWriter.Null).GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case TargetKind.Containers:
                    DockerEnvironment.EnsureConfigured();
                    if (DockerEnvironment.CheckAvailableAsync().GetAwaiter().GetResult() is { } problem)
                    {
                        throw new CliException(problem);
                    }

                    break;
            }
        }
        catch (HarnessSettingsException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
