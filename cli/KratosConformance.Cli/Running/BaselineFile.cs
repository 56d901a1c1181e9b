using KratosConformance.Reports.Baselines;

namespace KratosConformance.Cli.Running;

/// <summary>Loads --baseline before anything starts, so a broken file fails the command in a second (exit 2).</summary>
public static class BaselineFile
{
    /// <summary>The baseline; a <see cref="BaselineException"/> naming every problem when it can not be used.</summary>
    public static Baseline Load(string path) => BaselineLoader.Load(Path.GetFullPath(path));
}
