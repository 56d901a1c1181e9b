using System.Diagnostics;

namespace KratosConformance.Containers;

/// <summary>`kc images [double|smtp4dev]... [--repo DIR]`: prebuilds the local images so test runs start at once.</summary>
public static class LocalImagesCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var repoIndex = Array.IndexOf(args, "--repo");
        var wanted = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && i != repoIndex + 1 || repoIndex < 0 && !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (args.Contains("--help") || wanted.Any(w => w is not ("double" or "smtp4dev")) || (repoIndex >= 0 && repoIndex == args.Length - 1))
        {
            await output.WriteLineAsync("usage: kc images [double] [smtp4dev] [--repo DIR]   (default: both)").ConfigureAwait(false);
            return args.Contains("--help") ? 0 : 2;
        }

        if (await DockerEnvironment.CheckAvailableAsync().ConfigureAwait(false) is { } problem)
        {
            await output.WriteLineAsync(problem).ConfigureAwait(false);
            return 1;
        }

        var repoRoot = repoIndex >= 0 ? Path.GetFullPath(args[repoIndex + 1]) : LocalImages.FindRepoRoot(Environment.CurrentDirectory);
        var clock = Stopwatch.StartNew();
        try
        {
            if (wanted.Count == 0 || wanted.Contains("double"))
            {
                await LocalImages.EnsureDoubleImageAsync(repoRoot, output).ConfigureAwait(false);
            }

            if (wanted.Count == 0 || wanted.Contains("smtp4dev"))
            {
                await LocalImages.EnsureSmtp4devImageAsync(repoRoot, output).ConfigureAwait(false);
            }
        }
        catch (DockerProblemException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"images ready in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
        return 0;
    }
}
