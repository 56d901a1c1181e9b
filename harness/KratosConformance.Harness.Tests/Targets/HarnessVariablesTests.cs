using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Targets;

/// <summary>The settings contract between the CLI and the suites: what one side writes, the other reads back unchanged.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HarnessVariablesTests
{
    private static readonly HarnessSettings EverythingSet = new()
    {
        Target = TargetKind.External,
        KratosImage = "oryd/kratos:v26.2.0",
        Mail = MailSinkKind.Mailpit,
        MailAccess = MailAccess.Courier,
        PublicUrl = new Uri("http://127.0.0.1:4433/"),
        AdminUrl = new Uri("http://127.0.0.1:4434/"),
        MailUrl = "imap://127.0.0.1:1143",
        SmtpUri = "smtp://127.0.0.1:2525/?disable_starttls=true",
        KratosVersionOverride = "v25.4.0",
        ConfigFile = "/tmp/kratos.yml",
        SchemaFile = "/tmp/identity.schema.json",
        ConfigOverlay = "/tmp/overlay.yml",
        RevealSecrets = true,
        EvidenceRoot = "/tmp/evidence",
        Deviations = ["replay-accepted", "csrf-not-enforced"],
        Emulate = "v1.3.1",
        Patience = new Patience(2.5),
        MailTimeout = TimeSpan.FromSeconds(3),
        UiUrl = new Uri("http://127.0.0.1:3000/login"),
        UiSelectorsFile = "/tmp/selectors.json",
        RunInfoFile = "/tmp/target.json",
    };

    [Test]
    public void Every_setting_survives_the_trip_through_the_variables()
    {
        var vars = EverythingSet.ToVariables();

        var read = HarnessSettings.FromVariables(name => vars.TryGetValue(name, out var v) ? v : null);

        read.Should().BeEquivalentTo(EverythingSet);
    }

    [Test]
    public void Every_property_has_a_row_in_the_table()
    {
        // A property without a row would silently keep its default in the test process.
        var properties = typeof(HarnessSettings).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList();

        properties.Should().HaveCount(HarnessVariables.All.Count, "each settable property of HarnessSettings is one KC_* variable");
        HarnessVariables.Names.Should().OnlyHaveUniqueItems().And.AllSatisfy(n => n.Should().StartWith("KC_"));
    }

    [Test]
    public void Defaults_write_no_variable_for_what_is_unset()
    {
        var vars = new HarnessSettings().ToVariables();

        vars.Keys.Should().NotContain(["KC_PUBLIC_URL", "KC_MAIL_URL", "KC_DEVIATIONS", "KC_CONFIG", "KC_RUN_INFO_FILE"]);
        vars["KC_TARGET"].Should().Be("inprocess");
        vars["KC_PATIENCE"].Should().Be("1");
    }

    [TestCase("KC_TARGET", "docker", "KC_TARGET='docker' is not valid: use one of inprocess, containers, external.")]
    [TestCase("KC_MAIL_ACCESS", "smtp", "KC_MAIL_ACCESS='smtp' is not valid: use one of http, imap, pop3, courier.")]
    [TestCase("KC_PATIENCE", "0", "KC_PATIENCE='0' is not valid: give a factor from 0.1 to 100")]
    [TestCase("KC_PUBLIC_URL", "localhost:4433", "KC_PUBLIC_URL='localhost:4433' is not an http(s) URL")]
    [TestCase("KC_REVEAL_SECRETS", "maybe", "KC_REVEAL_SECRETS='maybe' is not valid: use true or false.")]
    public void A_bad_value_names_the_variable_and_the_valid_values(string name, string value, string message)
    {
        var act = () => HarnessSettings.FromVariables(n => n == name ? value : null);

        act.Should().Throw<HarnessSettingsException>().Which.Message.Should().StartWith(message);
    }

    [Test]
    public void The_mail_deadline_is_the_baseline_scaled_by_patience()
    {
        var settings = new HarnessSettings { MailTimeout = TimeSpan.FromSeconds(4), Patience = new Patience(3) };

        settings.MailDeadline.Limit.Should().Be(TimeSpan.FromSeconds(12));
        settings.MailDeadline.Expired.Should().Be("the login-code mail deadline (12 s at patience 3; raise it with --patience 6 (or KC_PATIENCE=6))");
    }
}
