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

        LoginCodeTemplates.For(KratosVersion.Parse(version)).TryExtract(mail, out var found).Should().BeTrue();
        found.Code.Should().Be("123456");
    }

    [TestCase("v1.1.0")]
    [TestCase("v1.2.0")]
    [TestCase("v1.3.1")]
    public void Old_versions_read_the_code_from_the_v1_template(string version)
    {
        var mail = KratosLoginCodeMails.Received("Login to your account", KratosLoginCodeMails.LegacyText("654321"));

        LoginCodeTemplates.For(KratosVersion.Parse(version)).TryExtract(mail, out var found).Should().BeTrue();
        found.Code.Should().Be("654321");
    }

    [Test]
    public void Versions_before_code_login_have_no_template()
    {
        var act = () => LoginCodeTemplates.For(new KratosVersion(1, 0, 0));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*code login arrived in v1.1.0*");
    }

    [Test]
    public void Subject_and_body_codes_must_agree()
    {
        var mail = KratosLoginCodeMails.Received("Use code 111111 to log in", KratosLoginCodeMails.CurrentText("222222"));

        LoginCodeTemplates.Current.TryExtract(mail, out _).Should().BeFalse();
    }

    [Test]
    public void Eight_digits_are_not_a_login_code()
    {
        var mail = KratosLoginCodeMails.Received("Use code 12345678 to log in", KratosLoginCodeMails.CurrentText("12345678"));

        LoginCodeTemplates.Current.TryExtract(mail, out _).Should().BeFalse("Kratos's codes have six digits (spec §2.8 step 4)");
    }
}
