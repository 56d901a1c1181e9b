namespace KratosConformance.Containers.Tests;

/// <summary>
/// Shared set-up for the Docker tests: derives the Testcontainers settings, skips with the explanation when no daemon
/// answers, and builds the local images once per run.
/// </summary>
internal static class DockerFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Double, string Smtp4dev)? _images;

    /// <summary>
    /// The checkout itself: the images these tests build are the ones ./kc builds (cached by content), so a run of
    /// ./kc test pays for one cold build of the double, not two.
    /// </summary>
    public static string RepoRoot { get; } = LocalImages.FindRepoRoot(TestContext.CurrentContext.TestDirectory);

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
