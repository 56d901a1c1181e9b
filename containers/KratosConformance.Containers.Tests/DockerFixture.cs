namespace KratosConformance.Containers.Tests;

/// <summary>
/// Shared set-up for the Docker tests: derives the Testcontainers settings, skips with the explanation when no daemon
/// answers, and builds the local images once per run.
/// </summary>
internal static class DockerFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Double, string Smtp4dev)? _images;

    private static readonly Lazy<string> Snapshot = new(TakeSnapshot);

    /// <summary>
    /// A snapshot of the double's inputs, taken once per run: the double is edited while these tests run, and a
    /// cache-hit assertion needs inputs that hold still. The real repository's images are built the same way.
    /// </summary>
    public static string RepoRoot => Snapshot.Value;

    private static string TakeSnapshot()
    {
        var repo = LocalImages.FindRepoRoot(TestContext.CurrentContext.TestDirectory);
        var snapshot = Path.Combine(repo, ".kc", "test-snapshot");
        if (Directory.Exists(Path.Combine(snapshot, "double")))
        {
            Directory.Delete(Path.Combine(snapshot, "double"), recursive: true);
        }

        Directory.CreateDirectory(snapshot);
        foreach (var file in new[] { "KratosConformance.sln", "Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", ".editorconfig" })
        {
            if (File.Exists(Path.Combine(repo, file)))
            {
                File.Copy(Path.Combine(repo, file), Path.Combine(snapshot, file), overwrite: true);
            }
        }

        var project = Path.Combine(repo, "double", "Kratos.Double");
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(snapshot, "double", "Kratos.Double", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return snapshot;
    }

    public static async Task RequireDockerAsync()
    {
        DockerEnvironment.EnsureConfigured();
        if (await DockerEnvironment.CheckAvailableAsync() is { } problem)
        {
            Assert.Ignore(problem);
        }
    }

    public static async Task<(string Double, string Smtp4dev)> ImagesAsync()
    {
        await RequireDockerAsync();
        await Gate.WaitAsync();
        try
        {
            _images ??= (
                await LocalImages.EnsureDoubleImageAsync(RepoRoot, TestContext.Progress),
                await LocalImages.EnsureSmtp4devImageAsync(RepoRoot, TestContext.Progress));
            return _images.Value;
        }
        finally
        {
            Gate.Release();
        }
    }
}
