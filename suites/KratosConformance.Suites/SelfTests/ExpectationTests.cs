using KratosConformance.Client.Kratos;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Targets;
using KratosConformance.Suites.Expectations;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.SelfTests;

/// <summary>The version table the suites encode (spec §7), checked against the spec's own statements.</summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class ExpectationTests
{
    [Test]
    public void V26_2_0_auto_sends_with_1010014_and_the_valid_session_expiry()
    {
        var expect = For(KratosVersion.V26_2_0, maxSubmissions: 7);

        Assert.Multiple(() =>
        {
            Assert.That(expect.AutoSendsAal2, Is.True, "§2.6 fast path since v26.2.0");
            Assert.That(expect.CodeSentMessageId, Is.EqualTo(1010014), "§2.9: 1010025 only after v26.2.0");
            Assert.That(expect.CodeSentMessageText, Is.EqualTo(VersionExpectations.CodeSentText));
            Assert.That(expect.MaxSubmissions, Is.EqualTo(7), "§5.1 max_submissions configurable since v25.4.0");
            Assert.That(expect.ExpiredCode, Is.EqualTo(ExpiredCodeOutcome.ValidSessionOnOldFlow), "§2.12");
            Assert.That(expect.UnsupportedReason, Is.Null);
        });
    }

    [Test]
    public void V25_4_0_does_not_auto_send()
    {
        var expect = For(KratosVersion.V25_4_0, maxSubmissions: 3);

        Assert.Multiple(() =>
        {
            Assert.That(expect.AutoSendsAal2, Is.False);
            Assert.That(expect.CodeSentMessageText, Is.EqualTo(VersionExpectations.CodeSentText), "§1.1: new text since v25.4.0");
            Assert.That(expect.MaxSubmissions, Is.EqualTo(3));
        });
    }

    [Test]
    public void V1_3_1_has_the_legacy_text_and_a_hard_coded_limit_of_five()
    {
        var expect = For(KratosVersion.V1_3_1, maxSubmissions: 3);

        Assert.Multiple(() =>
        {
            Assert.That(expect.CodeSentMessageText, Is.EqualTo(VersionExpectations.LegacyCodeSentText));
            Assert.That(expect.MaxSubmissions, Is.EqualTo(5), "§2.11: hard-coded 5 before v25.4.0");
            Assert.That(expect.UnsupportedReason, Is.Null);
        });
    }

    [Test]
    public void Versions_after_v26_2_0_get_1010025_and_the_inline_expiry()
    {
        var expect = For(new KratosVersion(26, 8, 0), maxSubmissions: 5);

        Assert.Multiple(() =>
        {
            Assert.That(expect.CodeSentMessageId, Is.EqualTo(1010025));
            Assert.That(expect.ExpiredCode, Is.EqualTo(ExpiredCodeOutcome.InlineCodeInvalid));
        });
    }

    [Test]
    public void V1_2_is_not_applicable_with_a_reason() =>
        Assert.That(For(new KratosVersion(1, 2, 0), 5).UnsupportedReason, Does.Contain("legacy code-MFA UI"));

    [Test]
    public void Not_applicable_is_an_ignore_with_the_prefix()
    {
        var e = Assert.Throws<IgnoreException>(() => NotApplicable.Because("profile x is not available"));
        Assert.That(e!.Message, Is.EqualTo("not applicable: profile x is not available"));
    }

    [Test]
    public void Wrong_code_differs_in_every_digit() =>
        Assert.That(Flows.WrongCode("091239"), Is.EqualTo("102340"));

    [Test]
    public void Cases_carry_the_id_as_name_and_the_properties()
    {
        var data = ConformanceCases.ForStyles("wrong-code", "§2.11: summary").ToList();

        Assert.That(data.Select(d => d.TestName), Is.EqualTo(new[] { "login.code-mfa.wrong-code.browser", "login.code-mfa.wrong-code.spa", "login.code-mfa.wrong-code.native" }));
        Assert.That(data[1].Properties.Get(ConformanceProperties.ConformanceId), Is.EqualTo("login.code-mfa.wrong-code.spa"));
        Assert.That(data[1].Properties.Get(ConformanceProperties.Scenario), Is.EqualTo("wrong-code"));
        Assert.That(data[1].Properties.Get(ConformanceProperties.Client), Is.EqualTo("spa"));
        Assert.That(data[1].Properties.Get(ConformanceProperties.Description), Is.EqualTo("§2.11: summary"));
    }

    [Test]
    public void The_identifier_label_is_the_one_identifier_traits_title_else_ID()
    {
        IReadOnlyList<IdentifierTrait> one = [new("traits.email", "E-Mail")];
        IReadOnlyList<IdentifierTrait> titledAndUntitled = [new("traits.email", "E-Mail"), new("traits.backup", null)];
        IReadOnlyList<IdentifierTrait> two = [new("traits.email", "E-Mail"), new("traits.backup", "Backup")];

        Assert.Multiple(() =>
        {
            Assert.That(Label(KratosVersion.V26_2_0, one), Is.EqualTo("1070002 E-Mail name=traits.email title=E-Mail"), "v25.4.0+: the title, and the path as name (commit 8c7a3dc5e)");
            Assert.That(Label(KratosVersion.V1_3_1, one), Is.EqualTo("1070002 E-Mail title=E-Mail"), "v1.3.1: no name in the context");
            Assert.That(Label(KratosVersion.V26_2_0, titledAndUntitled), Is.EqualTo("1070004 ID"), "v25.4.0+: every identifier path counts");
            Assert.That(Label(KratosVersion.V1_3_1, titledAndUntitled), Is.EqualTo("1070002 E-Mail title=E-Mail"), "v1.3.1: only titled traits count");
            Assert.That(Label(KratosVersion.V26_2_0, two), Is.EqualTo("1070004 ID"), "two identifier traits: ID");
            Assert.That(Label(KratosVersion.V26_2_0, [new("traits.email", null)]), Is.EqualTo("1070004 ID"), "the one trait needs a title");
            Assert.That(VersionExpectations.For(new KratosFacts { Version = KratosVersion.V26_2_0 }).IdentifierLabel, Is.Null, "schema not known: not judged");
        });
    }

    private static string Label(KratosVersion version, IReadOnlyList<IdentifierTrait> traits)
    {
        var label = VersionExpectations.For(new KratosFacts { Version = version, IdentifierTraits = traits }).IdentifierLabel!;
        return string.Join(" ", [label.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), label.Text, .. label.Context.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value)]);
    }

    private static VersionExpectations For(KratosVersion version, int maxSubmissions) =>
        VersionExpectations.For(new KratosFacts { Version = version, MaxSubmissions = maxSubmissions });
}
