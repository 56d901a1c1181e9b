using FluentAssertions;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Versions;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Mail;

[Parallelizable(ParallelScope.All)]
public sealed class LoginCodeTemplateTests
{
    [TestCase("v26.2.0")]
    [TestCase("v25.4.0")]
    [TestCase("v27.0.0")]
    public void Current_versions_read_the_code_from_the_v25_4_template(string version)
    {
        var mail = KratosLoginCodeMails.Received("Use code 123456 to log in", KratosLoginCodeMails.CurrentText("123456").Replace("\n", "\r\n", StringComparison.Ordinal));

        LoginCodeTemplates.For(KratosVersion.Parse(version)).Extract(mail).Code.Should().Be("123456");
    }

    [TestCase("v1.1.0")]
    [TestCase("v1.2.0")]
    [TestCase("v1.3.1")]
    public void Old_versions_read_the_code_from_the_v1_template(string version)
    {
        var mail = KratosLoginCodeMails.Received("Login to your account", KratosLoginCodeMails.LegacyText("654321"));

        LoginCodeTemplates.For(KratosVersion.Parse(version)).Extract(mail).Code.Should().Be("654321");
    }

    [Test]
    public void Versions_before_code_login_have_no_template()
    {
        var act = () => LoginCodeTemplates.For(new KratosVersion(1, 0, 0));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*code login arrived in v1.1.0*");
    }

    [Test]
    public void A_v1_mail_read_as_v26_names_the_template_it_is_and_the_mail()
    {
        var mail = KratosLoginCodeMails.Received("Login to your account", KratosLoginCodeMails.LegacyText("654321"));

        var act = () => LoginCodeTemplates.For(KratosVersion.V26_2_0).Extract(mail);

        act.Should().Throw<LoginCodeNotFoundException>().Which.Message.Should().Be(
            "Expected mail m1 to alice@example.test to be a login-code mail (login_code_valid v25.4.0+), but subject \"Login to your account\" "
            + "is the login_code_valid v1.1.0–v1.3.1 template, not login_code_valid v25.4.0+: is the Kratos version right?." + Environment.NewLine
            + "  Expected:  subject \"Use code NNNNNN to log in\", body \"Login to your account with the following code:\" / NNNNNN / \"It expires in N minutes.\"" + Environment.NewLine
            + "  Subject:   \"Login to your account\"" + Environment.NewLine
            + "  Body:      \"Hi,\" / \"please login to your account by entering the following code:\" / \"654321\"");
    }

    [Test]
    public void A_v26_mail_read_as_v1_3_1_is_refused_with_the_other_template_named()
    {
        var mail = KratosLoginCodeMails.Received("Use code 123456 to log in", KratosLoginCodeMails.CurrentText("123456"));

        var act = () => LoginCodeTemplates.For(KratosVersion.V1_3_1).Extract(mail);

        act.Should().Throw<LoginCodeNotFoundException>()
            .WithMessage("*subject \"Use code 123456 to log in\" is the login_code_valid v25.4.0+ template, not login_code_valid v1.1.0–v1.3.1*");
    }

    [Test]
    public void A_verification_mail_is_not_a_login_code_mail()
    {
        var mail = KratosLoginCodeMails.Received("Please verify your email address", "Hi, please verify your account by entering the following code:\n\n111222\n");

        var act = () => LoginCodeTemplates.For(KratosVersion.V26_2_0).Extract(mail);

        act.Should().Throw<LoginCodeNotFoundException>().WithMessage("*but subject \"Please verify your email address\" does not match login_code_valid v25.4.0+.*");
    }

    [Test]
    public void Subject_and_body_codes_must_agree()
    {
        var mail = KratosLoginCodeMails.Received("Use code 111111 to log in", KratosLoginCodeMails.CurrentText("222222"));

        LoginCodeTemplates.Current.TryExtract(mail, out _).Should().BeFalse();
    }
}
