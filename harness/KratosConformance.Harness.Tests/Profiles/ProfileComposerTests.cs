using FluentAssertions;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Profiles;
using KratosConformance.Client.Tests.Kratos;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace KratosConformance.Harness.Tests.Profiles;

public sealed class ProfileComposerTests
{
    private static readonly HarnessWiring Wiring = new()
    {
        PublicBaseUrl = new Uri("http://127.0.0.1:40001/"),
        AdminBaseUrl = new Uri("http://127.0.0.1:40002/"),
        SmtpConnectionUri = "smtp://mail:25/?disable_starttls=true",
        LoginUiUrl = new Uri("http://127.0.0.1:40003/login"),
        ErrorUiUrl = new Uri("http://127.0.0.1:40003/error"),
        Version = KratosVersion.V25_4_0,
        Dev = true,
    };

    private static ProfileComposer Composer() =>
        new(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles"));

    private static string? Scalar(string yaml, string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        YamlNode node = stream.Documents[0].RootNode;
        foreach (var part in path.Split('.'))
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(part)];
        }

        return ((YamlScalarNode)node).Value;
    }

    [Test]
    public void Default_profile_is_the_base_with_the_wiring_applied_and_each_change_said()
    {
        var composed = Composer().Compose(KratosProfiles.Default, Wiring);

        composed.Changes.Should().Equal(
            "set serve.public.base_url to http://127.0.0.1:40001/ (was http://127.0.0.1:4433/)",
            "set serve.admin.base_url to http://127.0.0.1:40002/ (was http://127.0.0.1:4434/)",
            "set courier.smtp.connection_uri to smtp://mail:25/?disable_starttls=true (was smtp://127.0.0.1:1025/?disable_starttls=true)",
            "set selfservice.flows.login.ui_url to http://127.0.0.1:40003/login (was http://127.0.0.1:4455/login)",
            "set selfservice.flows.error.ui_url to http://127.0.0.1:40003/error (was http://127.0.0.1:4455/error)");
        Scalar(composed.KratosYml, "serve.public.base_url").Should().Be("http://127.0.0.1:40001/");
        Scalar(composed.KratosYml, "selfservice.methods.code.mfa_enabled").Should().Be("true");
        composed.SchemaFileName.Should().Be("identity.schema.json");
        composed.IdentitySchemaJson.Should().Contain("\"code\": { \"identifier\": true, \"via\": \"email\" }");
        composed.Facts.IdentifierTraits.Should().Equal(
            [new IdentifierTrait("traits.email", "E-Mail"), new IdentifierTrait("traits.backup_email", "Backup e-mail for sign-in codes")],
            "both e-mail traits are code identifiers, so Kratos labels the identifier input 1070004 ID (login/extension_identifier_label.go)");
    }

    [Test]
    public void An_SPA_origin_enables_Kratos_CORS_for_it_with_credentials()
    {
        var composed = Composer().Compose(KratosProfiles.Default, Wiring with { CorsOrigin = new Uri("http://127.0.0.1:40005/") });

        Scalar(composed.KratosYml, "serve.public.cors.enabled").Should().Be("true");
        Scalar(composed.KratosYml, "serve.public.cors.allow_credentials").Should().Be("true");
        composed.KratosYml.Should().Contain("allowed_origins:").And.Contain("- http://127.0.0.1:40005");
        composed.Changes.Should().Contain("set serve.public.cors.allowed_origins to [http://127.0.0.1:40005]");
    }

    [Test]
    public void Facts_come_from_the_composed_config()
    {
        var facts = Composer().Compose(KratosProfiles.Default, Wiring).Facts;

        facts.Version.Should().Be(KratosVersion.V25_4_0);
        facts.MaxSubmissions.Should().Be(5);
        facts.CodeLifespan.Should().Be(TimeSpan.FromHours(1));
        facts.LoginFlowLifespan.Should().Be(TimeSpan.FromHours(1));
        facts.WhoamiRequiredAal.Should().Be("highest_available");
        facts.CodeMfaEnabled.Should().BeTrue();
        facts.CourierPullWait.Should().Be(TimeSpan.FromMilliseconds(10), "the base profile's courier.worker.pull_wait");
        facts.Dev.Should().BeTrue();
        facts.LoginUiUrl.Should().Be(new Uri("http://127.0.0.1:40003/login"));
        facts.ErrorUiUrl.Should().Be(new Uri("http://127.0.0.1:40003/error"));
        facts.DefaultBrowserReturnUrl.Should().Be(new Uri("http://127.0.0.1:4455/"));
        facts.FromConfig.Should().BeTrue();
    }

    [Test]
    public void Overlays_deep_merge_and_are_listed_as_profile_changes()
    {
        var shortCode = Composer().Compose(KratosProfiles.ShortCodeLifespan, Wiring);
        var whoami = Composer().Compose(KratosProfiles.WhoamiAal1, Wiring);

        shortCode.Changes[0].Should().Be("profile short-code-lifespan: set selfservice.methods.code.config.lifespan to 1ms");
        shortCode.Facts.CodeLifespan.Should().Be(TimeSpan.FromMilliseconds(1));
        Scalar(shortCode.KratosYml, "selfservice.methods.code.mfa_enabled").Should().Be("true", "merging keeps sibling keys");
        whoami.Changes[0].Should().Be("profile whoami-aal1: set session.whoami.required_aal to aal1");
        whoami.Facts.WhoamiRequiredAal.Should().Be("aal1");
    }

    [Test]
    public void Schema_location_and_return_url_are_part_of_the_wiring()
    {
        var wiring = Wiring with
        {
            SchemaDirectoryUrl = HarnessWiring.InProcessSchemaDirectory("/tmp/kc-profile"),
            DefaultReturnUrl = new Uri("http://127.0.0.1:40003/welcome"),
        };

        var composed = Composer().Compose(KratosProfiles.Default, wiring);

        composed.Changes.Should().Contain("set the url of identity schema 'default' to file:///tmp/kc-profile/identity.schema.json (was file:///etc/config/kratos/identity.schema.json)");
        composed.Changes.Should().Contain("added http://127.0.0.1:40003/welcome to selfservice.allowed_return_urls");
        composed.Facts.DefaultBrowserReturnUrl.Should().Be(new Uri("http://127.0.0.1:40003/welcome"));
    }

    [Test]
    public void Every_other_file_the_config_names_is_copied_into_a_container_and_pointed_at_there()
    {
        var dir = Directory.CreateTempSubdirectory("kc-user-config").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllText(Path.Combine(dir, "templates", "code.gotmpl"), "Your code: {{ .LoginCode }}");
            File.WriteAllText(Path.Combine(dir, "admins.json"), "{\"admins\": true}");
            File.WriteAllText(Path.Combine(dir, "users.json"), "{}");
            File.WriteAllText(Path.Combine(dir, "my-kratos.yml"), $$"""
                dsn: memory
                selfservice:
                  methods:
                    code:
                      mfa_enabled: true
                courier:
                  templates:
                    login_code:
                      valid:
                        email:
                          body:
                            plaintext: file://templates/code.gotmpl
                            html: file://./templates/code.gotmpl
                identity:
                  default_schema_id: users
                  schemas:
                    - id: users
                      url: file:///somewhere/users.json
                    - id: admins
                      url: file://{{dir}}/admins.json
                """);
            var composer = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles"), Path.Combine(dir, "my-kratos.yml"), Path.Combine(dir, "users.json"));

            var composed = composer.Compose(KratosProfiles.Default, Wiring);

            Scalar(composed.KratosYml, "courier.templates.login_code.valid.email.body.plaintext").Should().Be("file:///etc/config/kratos/ref-1-code.gotmpl");
            Scalar(composed.KratosYml, "courier.templates.login_code.valid.email.body.html").Should().Be("file:///etc/config/kratos/ref-1-code.gotmpl", "one file, copied once");
            composed.ConfigFiles.Should().BeEquivalentTo(new Dictionary<string, string>
            {
                ["ref-1-code.gotmpl"] = "Your code: {{ .LoginCode }}",
                ["ref-2-admins.json"] = "{\"admins\": true}",
            });
            composed.KratosYml.Should().Contain("url: file:///etc/config/kratos/ref-2-admins.json").And.Contain("url: file:///etc/config/kratos/users.json");
            composed.Changes.Should().Contain($"copied {Path.Combine(dir, "templates", "code.gotmpl")} into the container and set courier.templates.login_code.valid.email.body.plaintext to file:///etc/config/kratos/ref-1-code.gotmpl (was file://templates/code.gotmpl)");

            var inProcess = composer.Compose(KratosProfiles.Default, Wiring with { SchemaDirectoryUrl = HarnessWiring.InProcessSchemaDirectory(dir) });
            inProcess.ConfigFiles.Should().BeEmpty("a Kratos on this machine reads the files where they are");
            Scalar(inProcess.KratosYml, "courier.templates.login_code.valid.email.body.plaintext").Should().Be("file://templates/code.gotmpl");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_factor_profile_does_not_apply_to_a_team_config_that_does_not_enable_the_factor()
    {
        var dir = Directory.CreateTempSubdirectory("kc-factor-config").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "my-kratos.yml"), """
                selfservice:
                  methods:
                    totp:
                      enabled: true
                """);
            var profiles = Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles");
            var team = new ProfileComposer(profiles, Path.Combine(dir, "my-kratos.yml"));

            team.WhyNotApplicable(KratosProfiles.Totp).Should().BeNull("the team's config enables TOTP");
            team.WhyNotApplicable(KratosProfiles.Default).Should().BeNull();
            team.WhyNotApplicable(KratosProfiles.Mixed).Should().Be(
                $"the config given with --config ({Path.Combine(dir, "my-kratos.yml")}) does not enable selfservice.methods.lookup_secret.enabled, which profile 'mixed' tests");
            new ProfileComposer(profiles).WhyNotApplicable(KratosProfiles.Mixed).Should().BeNull("the harness's own base runs every profile");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_users_own_config_and_schema_replace_the_base()
    {
        var dir = Directory.CreateTempSubdirectory("kc-user-config").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "my-kratos.yml"), """
                dsn: postgres://x
                selfservice:
                  methods:
                    code:
                      mfa_enabled: true
                      config:
                        max_submissions: 3
                        lifespan: 15m
                identity:
                  default_schema_id: users
                  schemas:
                    - id: users
                      url: file:///somewhere/users.json
                """);
            File.WriteAllText(Path.Combine(dir, "users.json"), "{}");
            var composer = new ProfileComposer(Path.Combine(KratosReference.RepositoryRoot(), "fixtures", "profiles"), Path.Combine(dir, "my-kratos.yml"), Path.Combine(dir, "users.json"));

            var composed = composer.Compose(KratosProfiles.Default, Wiring);

            composed.SchemaFileName.Should().Be("users.json");
            composed.IdentitySchemaJson.Should().Be("{}");
            composed.Facts.MaxSubmissions.Should().Be(3);
            composed.Facts.CodeLifespan.Should().Be(TimeSpan.FromMinutes(15));
            composed.Facts.WhoamiRequiredAal.Should().Be("highest_available", "Kratos's default applies when the config does not say");
            composed.Facts.CourierPullWait.Should().Be(TimeSpan.FromSeconds(1), "Kratos's courier polls every second unless courier.worker.pull_wait says otherwise");
            Scalar(composed.KratosYml, "dsn").Should().Be("postgres://x");
            composed.Changes.Should().Contain("set serve.public.base_url to http://127.0.0.1:40001/");
            composed.Changes.Should().Contain("set the url of identity schema 'users' to file:///etc/config/kratos/users.json (was file:///somewhere/users.json)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void An_unknown_profile_names_the_available_ones()
    {
        var act = () => Composer().Compose("no-such-profile", Wiring);

        act.Should().Throw<ArgumentException>().WithMessage("*Available: code-optional, default, lookup, mixed, recovery, recovery-aal1, recovery-no-transitions, settings-aal1, settings-privileged, short-code-lifespan, short-login-lifespan, sms, totp, webauthn, whoami-aal1.*");
    }

    [TestCase("1h", 3600_000)]
    [TestCase("15m", 900_000)]
    [TestCase("1ms", 1)]
    [TestCase("1h30m", 5400_000)]
    public void Parses_go_durations(string text, double milliseconds)
    {
        GoDuration.TryParse(text, out var d).Should().BeTrue();
        d.TotalMilliseconds.Should().Be(milliseconds);
    }

    [Test]
    public void A_webauthn_profile_names_the_harness_ui_on_a_host_name_as_its_relying_party()
    {
        var composer = Composer();
        composer.EnablesWebAuthn(KratosProfiles.WebAuthn).Should().BeTrue();
        composer.EnablesWebAuthn(KratosProfiles.Default).Should().BeFalse();

        var composed = composer.Compose(KratosProfiles.WebAuthn, Wiring with { LoginUiUrl = new Uri("http://localhost:40003/login") });

        composed.Changes.Should().Contain("set selfservice.methods.webauthn.config.rp.origins to [http://localhost:40003]");
        Scalar(composed.KratosYml, "selfservice.methods.webauthn.config.rp.id").Should().Be("localhost");
        composed.Facts.WebAuthnOrigins.Should().Equal("http://localhost:40003");
    }

    [Test]
    public void A_webauthn_profile_on_an_ip_address_ui_keeps_its_relying_party()
    {
        var composed = Composer().Compose(KratosProfiles.WebAuthn, Wiring);

        composed.Changes.Should().NotContain(c => c.Contains("rp.", StringComparison.Ordinal));
        composed.Facts.WebAuthnOrigins.Should().Equal("http://localhost:4455");
    }
}
