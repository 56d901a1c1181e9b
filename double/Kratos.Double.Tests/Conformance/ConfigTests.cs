using FluentAssertions;
using Kratos.Double.Config;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>Config Kratos refuses is refused with the key and the fix (embedx/config.schema.json); env overrides apply.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ConfigTests
{
    private static Task<DoubleHarness> Start(string yaml, string? version = null, string[]? deviations = null, Dictionary<string, string>? env = null) =>
        DoubleHarness.StartAsync(version, deviations, yaml, env);

    [TestCase("      mfa_enabled: true", "      mfa_enabled: true\n      passwordless_enabled: true", "selfservice.methods.code.mfa_enabled")]
    [TestCase("dsn: memory", "", "dsn")]
    [TestCase("  default_browser_return_url: http://127.0.0.1:4455/", "", "selfservice.default_browser_return_url")]
    [TestCase("      mfa_enabled: true", "      mfa_enabled: true\n      config:\n        max_submissions: 0", "selfservice.methods.code.config.max_submissions")]
    [TestCase("      mfa_enabled: true", "      mfa_enabled: true\n      config:\n        lifespan: soon", "selfservice.methods.code.config.lifespan")]
    public async Task Refused_config_names_the_key_and_the_fix(string find, string replace, string key)
    {
        var yaml = DoubleConfigs.Yaml().Replace(find, replace, StringComparison.Ordinal);
        var act = () => Start(yaml);
        var error = (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which;
        error.Key.Should().Be(key);
        error.Message.Should().Contain(key).And.Contain("Fix:");
    }

    [Test]
    public async Task Unreadable_schema_is_refused()
    {
        var yaml = System.Text.RegularExpressions.Regex.Replace(DoubleConfigs.Yaml(), "url: base64://\\S+", "url: file:///nonexistent/identity.schema.json");
        var act = () => Start(yaml);
        (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which.Message.Should().Contain("/nonexistent/identity.schema.json");
    }

    [Test]
    public async Task Unknown_deviation_is_refused_naming_the_valid_ones()
    {
        var act = () => Start(DoubleConfigs.Yaml(), deviations: ["no-such-thing"]);
        (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which.Message.Should().Contain("no-such-thing").And.Contain(Deviations.CsrfNotEnforced);
    }

    [Test]
    public async Task Unknown_version_is_refused()
    {
        var act = () => Start(DoubleConfigs.Yaml(), version: "v1.2.0");
        (await act.Should().ThrowAsync<KratosDoubleConfigException>()).Which.Message.Should().Contain("v26.2.0");
    }

    [Test]
    public async Task Deviations_and_version_come_from_the_environment_too()
    {
        await using var harness = await Start(DoubleConfigs.Yaml(), env: new() { ["KRATOS_DOUBLE_EMULATE"] = "v25.4.0", ["KRATOS_DOUBLE_DEVIATIONS"] = "csrf-not-enforced" });
        harness.Host.EmulatedVersion.Should().Be("v25.4.0");
    }

    [Test]
    public async Task Env_override_enables_code_mfa_and_unknown_keys_are_ignored()
    {
        var yaml = DoubleConfigs.Yaml("some_unknown_key:\n  nested: 1\n").Replace("      mfa_enabled: true", "      mfa_enabled: false", StringComparison.Ordinal);
        await using var harness = await Start(yaml, env: new() { ["SELFSERVICE_METHODS_CODE_MFA_ENABLED"] = "true" });
        var email = $"env-{Guid.NewGuid():N}@example.com";
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        var reply = await actor.PasswordLoginAsync(email);
        reply.Code.Should().Be(422, "with MFA enabled by env the identity's available AAL is aal2: {0}", reply);
    }

    [Test]
    public async Task Version_endpoint_answers_the_emulated_version()
    {
        await using var harness = await Start(DoubleConfigs.Yaml(), version: "v1.3.1");
        var (_, body) = await harness.AdminGetAsync("/admin/version");
        body!["version"]!.GetValue<string>().Should().Be("v1.3.1");
        harness.Host.PublicBaseUrl.Host.Should().Be("127.0.0.1");
    }
}
