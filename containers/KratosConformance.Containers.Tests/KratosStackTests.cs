using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace KratosConformance.Containers.Tests;

[Category("docker")]
public sealed class KratosStackTests
{
    [Test]
    public async Task Stack_with_double_and_smtp4dev_answers_on_mapped_urls_and_leaves_nothing_behind()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        var clock = Stopwatch.StartNew();
        var stack = await KratosStack.StartAsync(TestProfiles.Options(doubleImage, smtp4devImage, "base"));
        TestContext.Progress.WriteLine($"stack (network + smtp4dev + 1 double) ready in {clock.ElapsedMilliseconds} ms");
        await using (stack)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            var kratos = stack.GetKratos("base");

            (await http.GetAsync(new Uri(kratos.GetPublicUrl(), "health/ready"))).StatusCode.Should().Be(HttpStatusCode.OK);
            var version = await http.GetAsync(new Uri(kratos.GetAdminUrl(), "admin/version"));
            version.StatusCode.Should().Be(HttpStatusCode.OK);
            (await version.Content.ReadAsStringAsync()).Should().Contain("version");
            (await http.GetAsync(new Uri(stack.Mail.GetHttpBaseAddress(), "api/messages"))).StatusCode.Should().Be(HttpStatusCode.OK);
            stack.MailImapEndpoint!.Scheme.Should().Be("imap");
            stack.MailPop3Endpoint!.Port.Should().BeGreaterThan(0);

            var images = await stack.GetImagesAsync();
            images.Select(i => i.Name).Should().BeEquivalentTo([doubleImage, smtp4devImage]);
            images.Should().OnlyContain(i => i.Id.StartsWith("sha256:"));

            (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().HaveCount(3);
        }

        (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().BeEmpty("dispose removes every container and the network");
    }

    [Test]
    public async Task A_sqlite_file_dsn_goes_through_the_migration_job_and_serve_uses_the_migrated_database()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        var config = TestProfiles.Config.Replace("dsn: memory", "dsn: sqlite:///var/lib/sqlite/db.sqlite?_fk=true", StringComparison.Ordinal);
        var options = TestProfiles.Options(doubleImage, smtp4devImage) with { Profiles = [new KratosProfile("sqlite", config, TestProfiles.Schema)] };
        var stack = await KratosStack.StartAsync(options);
        await using (stack)
        {
            var kratos = stack.GetKratos("sqlite");
            using var http = new HttpClient();
            var email = $"sqlite-{Guid.NewGuid():N}@example.com";
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["schema_id"] = "default",
                ["traits"] = new System.Text.Json.Nodes.JsonObject { ["email"] = email },
                ["credentials"] = System.Text.Json.Nodes.JsonNode.Parse("""{"password":{"config":{"password":"a-strong-test-password-1"}}}"""),
            };
            var identity = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            (await http.PostAsync(new Uri(kratos.GetAdminUrl(), "admin/identities"), identity)).StatusCode.Should().Be(HttpStatusCode.Created);

            var flow = JsonDocument.Parse(await http.GetStringAsync(new Uri(kratos.GetPublicUrl(), "self-service/login/api"))).RootElement;
            var login = await http.PostAsync(
                new Uri(flow.GetProperty("ui").GetProperty("action").GetString()!),
                new StringContent($$"""{"method":"password","identifier":"{{email}}","password":"a-strong-test-password-1"}""", System.Text.Encoding.UTF8, "application/json"));

            login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
            JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("session_token").GetString().Should().StartWith("ory_st_");
            (await kratos.GetLogsSinceAsync(DateTime.UnixEpoch)).Should().NotContain("Unable to determine network", "the job migrated the very file serve opened");
            (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().Contain(r => r.StartsWith("volume ", StringComparison.Ordinal));
        }

        (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().BeEmpty("the volume goes with its containers");
    }

    [Test]
    public async Task Flows_and_redirects_use_the_preallocated_public_url()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        await using var stack = await KratosStack.StartAsync(TestProfiles.Options(doubleImage, smtp4devImage, "base"));
        var kratos = stack.GetKratos("base");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        kratos.GetMappedPublicPort(KratosBuilder.PublicPort).Should().Be((ushort)kratos.GetPublicUrl().Port);
        var browser = await http.GetAsync(new Uri(kratos.GetPublicUrl(), "self-service/login/browser"));
        browser.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        browser.Headers.Location!.ToString().Should().StartWith("http://127.0.0.1:4455/login?flow=");

        var api = await http.GetAsync(new Uri(kratos.GetPublicUrl(), "self-service/login/api"));
        var flow = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        flow.GetProperty("ui").GetProperty("action").GetString().Should().StartWith(kratos.GetPublicUrl() + "self-service/login?flow=",
            "Kratos builds its URLs from serve.public.base_url, which the module set to the pre-allocated host port");
    }

    [Test]
    public async Task A_profile_can_be_added_to_a_running_stack()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        await using var stack = await KratosStack.StartAsync(TestProfiles.Options(doubleImage, smtp4devImage, "base"));
        var clock = Stopwatch.StartNew();

        var second = await stack.AddKratosAsync("short-code-lifespan", TestProfiles.Config, TestProfiles.Schema);

        TestContext.Progress.WriteLine($"second profile ready in {clock.ElapsedMilliseconds} ms");
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(second.GetAdminUrl(), "admin/health/ready"))).StatusCode.Should().Be(HttpStatusCode.OK);
        second.GetPublicUrl().Should().NotBe(stack.GetKratos("base").GetPublicUrl());
    }

    [Test]
    public async Task Removing_the_stack_while_a_profile_starts_stops_that_start_and_leaves_nothing_behind()
    {
        // An interrupted run removes its stack while a test still running may be adding a profile (issue 11: the
        // network stayed behind with that container on it).
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        var stack = await KratosStack.StartAsync(TestProfiles.Options(doubleImage, smtp4devImage, "base"));

        var adding = stack.AddKratosAsync("short-code-lifespan", TestProfiles.Config, TestProfiles.Schema);
        await stack.DisposeAsync();
        var late = () => stack.AddKratosAsync("late", TestProfiles.Config, TestProfiles.Schema);

        await adding.ContinueWith(_ => { }, TaskScheduler.Default);
        adding.IsCompletedSuccessfully.Should().BeFalse("the removal stopped the start it found in flight: {0}", adding.Exception?.GetBaseException().Message);
        (await late.Should().ThrowAsync<ObjectDisposedException>()).WithMessage("*'late' was not started: the stack is being removed*");
        (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().BeEmpty("the start in flight removed its container before the network went");
    }

    [Test]
    public async Task Broken_config_fails_with_krato_log_and_a_hint_and_leaves_nothing_behind()
    {
        var (doubleImage, smtp4devImage) = await DockerFixture.ImagesAsync();
        var broken = TestProfiles.Config.Replace("default_browser_return_url: http://127.0.0.1:4455/", "default_browser_return_url: [unclosed", StringComparison.Ordinal);
        var options = TestProfiles.Options(doubleImage, smtp4devImage) with { Profiles = [new KratosProfile("broken", broken, TestProfiles.Schema)] };

        var start = () => KratosStack.StartAsync(options);

        var failure = (await start.Should().ThrowAsync<KratosContainerException>()).Which;
        TestContext.Progress.WriteLine(failure.Message);
        failure.LogTail.Should().NotBeEmpty("the exception carries Kratos's own log");
        failure.Message.Should().Contain(failure.LogTail[^1]);
        failure.Hint.Should().Contain("kratos.yml");
        (await DockerEnvironment.ListSessionResourcesAsync(DockerEnvironment.SessionId)).Should().BeEmpty("a failed start disposes what it started");
    }

    [Test]
    public async Task Missing_local_image_is_explained()
    {
        await DockerFixture.RequireDockerAsync();
        var options = TestProfiles.Options("kratos-conformance/kratos-double:missing", Smtp4devBuilder.DefaultImage, "base");

        var start = () => KratosStack.StartAsync(options);

        (await start.Should().ThrowAsync<DockerProblemException>())
            .WithMessage("Image kratos-conformance/kratos-double:missing is not present*./kc images*");
    }

    // A registry on a closed loopback port: the pull fails at once, and no lookup leaves this machine.
    private const string UnreachableRegistryImage = "127.0.0.1:9/kc-missing/kratos:v0.0.0";

    [Test]
    public async Task Missing_registry_image_is_explained_with_how_to_pull_it()
    {
        await DockerFixture.RequireDockerAsync();
        var kratos = new KratosBuilder(UnreachableRegistryImage).WithConfig(TestProfiles.Config).Build();
        await using (kratos)
        {
            var start = () => kratos.StartAsync();

            var failure = (await start.Should().ThrowAsync<KratosContainerException>()).Which;
            TestContext.Progress.WriteLine(failure.Message);
            failure.Hint.Should().Contain(UnreachableRegistryImage).And.Contain("docker pull");
        }
    }
}
