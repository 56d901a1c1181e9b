using System.Diagnostics;

namespace KratosConformance.Containers;

/// <summary>
/// The content-addressed part shared by every local image: tag = repository:hash; present means current; otherwise
/// stage a context, docker build it (legacy builder: the docker 28 CLI has no buildx here), and tag it :local too.
/// </summary>
internal static class LocalImageBuild
{
    private static readonly TimeSpan LockDeadline = TimeSpan.FromMinutes(15);
    private static int _builds;

    public static int BuildCount => Volatile.Read(ref _builds);

    public static async Task<string> EnsureAsync(
        string repoRoot,
        string repository,
        string hash,
        TextWriter log,
        Func<RootfsStage, CancellationToken, Task> stage,
        CancellationToken ct)
    {
        var tag = $"{repository}:{hash}";
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        if (await TryUseExistingAsync(repository, tag, ct).ConfigureAwait(false))
        {
            await log.WriteLineAsync($"{name}: {tag} (cached)").ConfigureAwait(false);
            return tag;
        }

        var kcDirectory = Path.Combine(repoRoot, ".kc");
        await using var gate = (await FileLock.AcquireAsync(Path.Combine(kcDirectory, "images", name + ".lock"), LockDeadline, log, ct)
            .ConfigureAwait(false)).ConfigureAwait(false);
        if (await TryUseExistingAsync(repository, tag, ct).ConfigureAwait(false))
        {
            await log.WriteLineAsync($"{name}: {tag} (built by another process)").ConfigureAwait(false);
            return tag;
        }

        var clock = Stopwatch.StartNew();
        var work = Path.Combine(kcDirectory, "build", $"{name}-{hash}");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var context = new RootfsStage(Path.Combine(work, "context"));
        await stage(context, ct).ConfigureAwait(false);

        await log.WriteLineAsync($"{name}: docker build {tag}").ConfigureAwait(false);
        var build = await ProcessRunner.RunAsync(
            "docker",
            ["build", "--quiet", "--label", $"kratos-conformance.inputs={hash}", "-t", tag, "-t", $"{repository}:local", context.ContextDirectory],
            work,
            new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" },
            ct).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            throw new DockerProblemException($"docker build of {tag} failed (exit {build.ExitCode}):\n{build.Tail()}\n  Context kept for inspection: {context.ContextDirectory}");
        }

        Interlocked.Increment(ref _builds);
        Directory.Delete(work, recursive: true);
        await RemoveOlderTagsAsync(repository, tag, ct).ConfigureAwait(false);
        await log.WriteLineAsync($"{name}: built {tag} in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
        return tag;
    }

    /// <summary>Content tags accumulate with every change of the inputs; keep only the current one (and :local).</summary>
    private static async Task RemoveOlderTagsAsync(string repository, string current, CancellationToken ct)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var filter = Uri.EscapeDataString($$"""{"reference":["{{repository}}"]}""");
        var images = await socket.GetJsonAsync($"images/json?filters={filter}", ct).ConfigureAwait(false);
        var stale = images.EnumerateArray()
            .SelectMany(i => i.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == System.Text.Json.JsonValueKind.Array ? tags.EnumerateArray() : [])
            .Select(t => t.GetString() ?? string.Empty)
            .Where(t => t.StartsWith(repository + ":", StringComparison.Ordinal) && t != current && t != repository + ":local");
        foreach (var tag in stale)
        {
            try
            {
                await socket.DeleteAsync($"images/{tag}", ct).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Still used by a container (409): it goes the next time.
            }
        }
    }

    /// <summary>True when the hashed tag exists; moves :local onto it if :local points elsewhere (a tag, not a build).</summary>
    private static async Task<bool> TryUseExistingAsync(string repository, string tag, CancellationToken ct)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        if (await socket.TryGetJsonAsync($"images/{tag}/json", ct).ConfigureAwait(false) is not { } image)
        {
            return false;
        }

        var local = await socket.TryGetJsonAsync($"images/{repository}:local/json", ct).ConfigureAwait(false);
        var id = image.GetProperty("Id").GetString();
        if (local?.GetProperty("Id").GetString() != id)
        {
            var retag = await ProcessRunner.RunAsync("docker", ["tag", tag, $"{repository}:local"], null, null, ct).ConfigureAwait(false);
            if (retag.ExitCode != 0)
            {
                throw new DockerProblemException($"docker tag {tag} {repository}:local failed: {retag.Tail()}");
            }
        }

        return true;
    }
}
