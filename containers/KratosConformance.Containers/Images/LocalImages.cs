namespace KratosConformance.Containers;

/// <summary>
/// The images this project builds from the repository, without any registry: the reference Kratos double and
/// smtp4dev. Cached by content: a second call with unchanged inputs is one image-exists check.
/// </summary>
public static class LocalImages
{
    public const string DoubleRepository = DockerProblems.LocalImagePrefix + "kratos-double";
    public const string Smtp4devRepository = DockerProblems.LocalImagePrefix + "smtp4dev";
    public const string DoubleLocalTag = DoubleRepository + ":local";
    public const string Smtp4devLocalTag = Smtp4devRepository + ":local";

    /// <summary>How many docker builds this process has run; a cache hit leaves it unchanged (tests assert on it).</summary>
    public static int BuildCount => LocalImageBuild.BuildCount;

    /// <summary>Builds (or finds) the double's image and returns its content tag, e.g. kratos-conformance/kratos-double:3f2a….</summary>
    public static Task<string> EnsureDoubleImageAsync(string repoRoot, TextWriter log, CancellationToken ct = default) =>
        EnsureDoubleImageAsync(repoRoot, log, ContainerPatience.FromEnvironment(), ct);

    /// <summary>As <see cref="EnsureDoubleImageAsync(string, TextWriter, CancellationToken)" />; <paramref name="patience" /> scales the wait for another build.</summary>
    public static async Task<string> EnsureDoubleImageAsync(string repoRoot, TextWriter log, ContainerPatience patience, CancellationToken ct = default)
    {
        var hash = await DoubleImageRecipe.HashAsync(repoRoot, ct).ConfigureAwait(false);
        return await LocalImageBuild.EnsureAsync(
            repoRoot, DoubleRepository, hash, log, (stage, token) => DoubleImageRecipe.StageAsync(repoRoot, stage, log, token), patience, ct).ConfigureAwait(false);
    }

    /// <summary>Builds (or finds) the smtp4dev image and returns its content tag.</summary>
    public static Task<string> EnsureSmtp4devImageAsync(string repoRoot, TextWriter log, CancellationToken ct = default) =>
        EnsureSmtp4devImageAsync(repoRoot, log, ContainerPatience.FromEnvironment(), ct);

    /// <summary>As <see cref="EnsureSmtp4devImageAsync(string, TextWriter, CancellationToken)" />; <paramref name="patience" /> scales the wait for another build.</summary>
    public static async Task<string> EnsureSmtp4devImageAsync(string repoRoot, TextWriter log, ContainerPatience patience, CancellationToken ct = default)
    {
        var hash = await Smtp4devImageRecipe.HashAsync(ct).ConfigureAwait(false);
        return await LocalImageBuild.EnsureAsync(
            repoRoot, Smtp4devRepository, hash, log, (stage, token) => Smtp4devImageRecipe.StageAsync(repoRoot, stage, log, token), patience, ct).ConfigureAwait(false);
    }

    /// <summary>The repository root: the nearest folder upwards holding KratosConformance.sln.</summary>
    public static string FindRepoRoot(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KratosConformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No KratosConformance.sln above {start ?? AppContext.BaseDirectory}: run from inside the repository.");
    }
}
