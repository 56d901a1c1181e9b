using System.Diagnostics;

namespace KratosConformance.Containers.Tests;

[Category("docker")]
public sealed class LocalImagesTests
{
    [Test]
    public async Task Second_ensure_is_a_cache_hit_that_builds_nothing()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        var builds = LocalImages.BuildCount;
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();

        var doubleAgain = await LocalImages.EnsureDoubleImageAsync(DockerFixture.RepoRoot, log);
        var smtp4devAgain = await LocalImages.EnsureSmtp4devImageAsync(DockerFixture.RepoRoot, log);

        TestContext.Progress.WriteLine($"warm ensure of both images: {clock.ElapsedMilliseconds} ms");
        doubleAgain.Should().Be(doubleImage);
        smtp4devAgain.Should().Be(smtp4devImage);
        LocalImages.BuildCount.Should().Be(builds, "unchanged inputs must not trigger a docker build");
        log.ToString().Should().Contain("(cached)").And.NotContain("docker build");
    }

    [Test]
    public async Task Images_are_tagged_by_content_and_as_local()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();

        doubleImage.Should().MatchRegex("^kratos-conformance/kratos-double:[0-9a-f]{12}$");
        smtp4devImage.Should().MatchRegex("^kratos-conformance/smtp4dev:[0-9a-f]{12}$");
        (await DockerProblems.CheckImageAsync(LocalImages.DoubleLocalTag)).Should().BeNull();
        (await DockerProblems.CheckImageAsync(LocalImages.Smtp4devLocalTag)).Should().BeNull();
    }
}
