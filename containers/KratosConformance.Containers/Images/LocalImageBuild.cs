using System.Diagnostics;

namespace KratosConformance.Containers;

/// <summary>
/// The content-addressed part shared by every local image: tag = repository:hash; present means current; otherwise
/// stage a context, docker build it (legacy builder: the docker 28 CLI has no buildx here), and tag it :local too.
/// Each build is labelled with the checkout that built it (<see cref="CheckoutLabel" />): outdated tags are removed
/// only among this checkout's own builds, never a tag another checkout (worktree, clone) built and may be running.
/// </summary>
internal static class LocalImageBuild
{
    /// <summary>The label naming the checkout (absolute path of its root) an image was built from.</summary>
    public const string CheckoutLabel = "kratos-conformance.checkout";

    private static int _builds;

    public static int BuildCount => Volatile.Read(ref _builds);

    public static async Task<string> EnsureAsync(
        string repoRoot,
        string repository,
        string hash,
        TextWriter log,
        Func<RootfsStage, CancellationToken, Task> stage,
        ContainerPatience patience,
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
        await using var gate = (await FileLock.AcquireAsync(Path.Combine(kcDirectory, "images", name + ".lock"), patience.ImageBuildLock, log, ct)
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
            ["build", "--quiet", "--label", $"kratos-conformance.inputs={hash}", "--label", $"{CheckoutLabel}={Path.GetFullPath(repoRoot)}", "-t", tag, "-t", $"{repository}:local", context.ContextDirectory],
            work,
            new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" },
            ct).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            throw new DockerProblemException($"docker build of {tag} failed (exit {build.ExitCode}):\n{build.Tail()}\n  Context kept for inspection: {context.ContextDirectory}");
        }

        Interlocked.Increment(ref _builds);
        Directory.Delete(work, recursive: true);
        await RemoveOutdatedTagsAsync(repository, tag, Path.GetFullPath(repoRoot), ct).ConfigureAwait(false);
        await log.WriteLineAsync($"{name}: built {tag} in {clock.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
        return tag;
    }

    /// <summary>
    /// Content tags accumulate with every change of the inputs; remove the outdated ones this checkout built and no
    /// container (running or not) uses. Tags built by another checkout are left alone: a concurrent run there may be
    /// about to create a container from one (seen: kratos-double:&lt;hash&gt; deleted from under a run of another
    /// worktree). Images built before the label existed carry none and are left alone too.
    /// </summary>
    internal static async Task RemoveOutdatedTagsAsync(string repository, string current, string checkout, CancellationToken ct)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var filter = Uri.EscapeDataString($$"""{"reference":["{{repository}}"]}""");
        var images = await socket.GetJsonAsync($"images/json?filters={filter}", ct).ConfigureAwait(false);
        var ours = images.EnumerateArray()
            .Where(i => i.TryGetProperty("Labels", out var labels) && labels.ValueKind == System.Text.Json.JsonValueKind.Object
                && labels.TryGetProperty(CheckoutLabel, out var built) && built.GetString() == checkout);
        var outdated = ours
            .SelectMany(i => i.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == System.Text.Json.JsonValueKind.Array ? tags.EnumerateArray() : [])
            .Select(t => t.GetString() ?? string.Empty)
            .Where(t => t.StartsWith(repository + ":", StringComparison.Ordinal) && t != current && t != repository + ":local");
        foreach (var tag in outdated)
        {
            var users = await socket.GetJsonAsync($"containers/json?all=true&filters={Uri.EscapeDataString($$"""{"ancestor":["{{tag}}"]}""")}", ct).ConfigureAwait(false);
            if (users.GetArrayLength() > 0)
            {
                continue;
            }

            try
            {
                await socket.DeleteAsync($"images/{tag}", ct).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // Taken into use meanwhile (409): it goes the next time.
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
