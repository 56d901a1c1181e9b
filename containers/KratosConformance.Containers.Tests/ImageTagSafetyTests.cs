namespace KratosConformance.Containers.Tests;

/// <summary>
/// A build removes only its own checkout's outdated image tags, and none a container uses: before, every other tag of
/// the repository went, and kratos-double:&lt;hash&gt; was deleted from under a concurrent run of another worktree.
/// Uses a repository of its own (empty FROM scratch images carrying only the checkout label).
/// </summary>
[Category("docker")]
public sealed class ImageTagSafetyTests
{
    [Test]
    public async Task Outdated_tags_of_this_checkout_go_and_another_checkouts_or_a_used_one_stay()
    {
        await DockerFixture.RequireDockerAsync();
        var repository = "kratos-conformance/tag-safety-" + Guid.NewGuid().ToString("N")[..8];
        const string Here = "/checkouts/this", Elsewhere = "/checkouts/other";
        using var docker = new DockerSocket(DockerSocket.DefaultSocketPath);
        try
        {
            await BuildAsync($"{repository}:current", Here, "current");
            await BuildAsync($"{repository}:outdated", Here, "outdated");
            await BuildAsync($"{repository}:other", Elsewhere, "other");
            await BuildAsync($"{repository}:used", Here, "used");
            await docker.PostJsonAsync(
                $"containers/create?name={repository.Split('/')[1]}-user",
                new Dictionary<string, object> { ["Image"] = $"{repository}:used", ["Cmd"] = new[] { "none" } },
                CancellationToken.None);

            await LocalImageBuild.RemoveOutdatedTagsAsync(repository, $"{repository}:current", Here, CancellationToken.None);

            (await TagsAsync(docker, repository)).Should().BeEquivalentTo([$"{repository}:current", $"{repository}:other", $"{repository}:used"]);
        }
        finally
        {
            await docker.DeleteAsync($"containers/{repository.Split('/')[1]}-user?force=true", CancellationToken.None);
            foreach (var tag in await TagsAsync(docker, repository))
            {
                await docker.DeleteAsync($"images/{tag}?force=true", CancellationToken.None);
            }
        }
    }

    private static async Task BuildAsync(string tag, string checkout, string distinct)
    {
        var context = Directory.CreateTempSubdirectory("kc-tag-safety-").FullName;
        try
        {
            // The distinct label keeps the four images apart (same content would be one image with four tags).
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM scratch\nLABEL {LocalImageBuild.CheckoutLabel}={checkout} kc.test={distinct}\n");
            var build = await ProcessRunner.RunAsync("docker", ["build", "--quiet", "-t", tag, context], context, new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" }, CancellationToken.None);
            build.ExitCode.Should().Be(0, build.Output);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static async Task<List<string>> TagsAsync(DockerSocket docker, string repository)
    {
        var images = await docker.GetJsonAsync($"images/json?filters={Uri.EscapeDataString($$"""{"reference":["{{repository}}"]}""")}", CancellationToken.None);
        return [.. images.EnumerateArray().SelectMany(i => i.GetProperty("RepoTags").EnumerateArray()).Select(t => t.GetString()!)];
    }
}
