using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Commands;

/// <summary>What a command's settings start from before its options: kc run tests containers; KC_PATIENCE applies.</summary>
public static class Defaults
{
    /// <summary>The containers target, patience from KC_PATIENCE (a bad value is refused naming the variable).</summary>
    public static HarnessSettings ForRun() => new() { Target = TargetKind.Containers, Patience = EnvironmentPatience() };

    /// <summary>Patience from KC_PATIENCE, or the default.</summary>
    public static Patience EnvironmentPatience() =>
        HarnessSettings.FromVariables(name => name == Patience.Variable ? Environment.GetEnvironmentVariable(name) : null).Patience;

    /// <summary>How long kc may take to stop after SIGINT/SIGTERM before it ends itself: within 5 s at patience 1.</summary>
    public static Deadline StopGrace(HarnessSettings settings) =>
        (settings ?? throw new ArgumentNullException(nameof(settings))).Patience.For("stop after a signal", TimeSpan.FromSeconds(4.5));
}
