using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

/// <summary>
/// The recovery-code mail as each Kratos version renders it (courier/template/courier/builtin/templates/recovery_code/
/// valid/, docs/kratos-facts.md): the code is read from the version's template only, never from a login-code mail.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class RecoveryCodeTemplateTests
{
    private static string CurrentText(string code, int minutes = 60) =>
        $"Recover access to your account by entering the following code:\n\n{code}\n\nIf this was not you, do nothing. This code expires in {minutes} minutes.\n";

    private static string LegacyText(string code) =>
        $"Hi,\n\nplease recover access to your account by entering the following code:\n\n{code}\n";

    [TestCase("v26.2.0")]
    [TestCase("v25.4.0")]
    public void Current_versions_read_the_code_from_the_v25_4_template(string version)
    {
        var mail = KratosLoginCodeMails.Received("Use code 123456 to recover access to your account", CurrentText("123456").Replace("\n", "\r\n", StringComparison.Ordinal));

        RecoveryCodeTemplates.For(KratosVersion.Parse(version)).TryExtract(mail, out var found).Should().BeTrue();
        found.Code.Should().Be("123456");
    }

    [Test]
    public void V1_3_1_reads_the_code_from_the_legacy_template()
    {
        var mail = KratosLoginCodeMails.Received("Recover access to your account", LegacyText("654321"));

        RecoveryCodeTemplates.For(KratosVersion.V1_3_1).TryExtract(mail, out var found).Should().BeTrue();
        found.Code.Should().Be("654321");
    }

    [Test]
    public void The_other_versions_template_is_refused()
    {
        var legacy = KratosLoginCodeMails.Received("Recover access to your account", LegacyText("654321"));
        var current = KratosLoginCodeMails.Received("Use code 123456 to recover access to your account", CurrentText("123456"));

        RecoveryCodeTemplates.Current.TryExtract(legacy, out _).Should().BeFalse();
        RecoveryCodeTemplates.Legacy.TryExtract(current, out _).Should().BeFalse();
    }

    [Test]
    public void A_login_code_mail_is_not_a_recovery_mail()
    {
        var login = KratosLoginCodeMails.Received("Use code 123456 to log in", KratosLoginCodeMails.CurrentText("123456"));

        RecoveryCodeTemplates.Current.TryExtract(login, out _).Should().BeFalse();
        RecoveryCodeTemplates.Legacy.TryExtract(KratosLoginCodeMails.Received("Login to your account", KratosLoginCodeMails.LegacyText("123456")), out _).Should().BeFalse();
    }

    [Test]
    public void Subject_and_body_codes_must_agree()
    {
        var mail = KratosLoginCodeMails.Received("Use code 111111 to recover access to your account", CurrentText("222222"));

        RecoveryCodeTemplates.Current.TryExtract(mail, out _).Should().BeFalse();
    }
}
