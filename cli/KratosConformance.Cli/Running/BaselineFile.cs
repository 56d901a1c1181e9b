using KratosConformance.Reports.Baselines;

namespace KratosConformance.Cli.Running;

/// <summary>Loads --baseline before anything starts, so a broken file fails the command in a second.</summary>
public static class BaselineFile
{
    public static Baseline Load(string path)
    {
        try
        {
            return BaselineLoader.Load(Path.GetFullPath(path));
        }
        catch (BaselineException e)
        {
            throw new CliException("--baseline: " + e.Message, e);
        }
    }
}
