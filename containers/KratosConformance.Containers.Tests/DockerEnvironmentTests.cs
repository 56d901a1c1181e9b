namespace KratosConformance.Containers.Tests;

public sealed class DockerEnvironmentTests
{
    [Test]
    [Category("docker")]
    public async Task Settings_are_derived_from_the_daemon()
    {
        await DockerFixture.RequireDockerAsync();

        var settings = DockerEnvironment.EnsureConfigured();

        settings.ApiVersion.Should().MatchRegex(@"^1\.\d+$");
        Environment.GetEnvironmentVariable("DOCKER_API_VERSION").Should().Be(settings.ApiVersion);
        settings.Notes.Should().NotBeEmpty();
    }

    [Test]
    public void Session_id_is_stable_and_labels_carry_it()
    {
        DockerEnvironment.SessionLabels[DockerEnvironment.SessionLabel].Should().Be(DockerEnvironment.SessionId);
    }

    [Test]
    public void Unknown_docker_errors_are_not_explained_and_known_ones_are()
    {
        DockerProblems.Explain(new InvalidOperationException("something else")).Should().BeNull();
        DockerProblems.Explain(new HttpRequestException("Docker API responded with status code=NotFound, response={\"message\":\"pull access denied for x\"}"), "x:1")
            .Should().Contain("docker pull x:1");
    }
}
