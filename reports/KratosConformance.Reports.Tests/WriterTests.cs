using System.Text.Json.Nodes;
using System.Xml.Linq;
using FluentAssertions;
using Json.Schema;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Publishing;
using KratosConformance.Reports.Secrets;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

public sealed class WriterTests
{
    private string _run = "";

    [SetUp]
    public void CreateRun() => _run = SyntheticRun.WriteV25(SyntheticRun.TempDirectory());

    [TearDown]
    public void DeleteRun() => Directory.Delete(_run, recursive: true);

    [Test]
    public void Results_json_round_trips()
    {
        var written = ResultsJsonReader.Read(_run);
        var again = ResultsJsonReader.Parse(ResultsJsonWriter.Render(written));

        again.Should().BeEquivalentTo(written);
        again.Tests.Should().HaveCount(4);
        again.Tests[2].Outcome.Should().Be(TestOutcome.Failed);
        again.Tests[0].EvidenceFiles.Should().Contain("evidence/login.code-mfa.aal2.spa/steps.jsonl");
        again.Summary.Should().Be(new RunSummary(4, 2, 1, 1, 0));
    }

    [Test]
    public void Results_json_matches_the_published_schema()
    {
        var schema = ResultsSchema.Get();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_run, "results.json")));

        using var document = System.Text.Json.JsonDocument.Parse(json!.ToJsonString());
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        evaluation.IsValid.Should().BeTrue(string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        json!["outcome"].Should().BeNull();
        json["tests"]![3]!["outcome"]!.GetValue<string>().Should().Be("not-applicable");
        json["summary"]!["failed"]!.GetValue<int>().Should().Be(1);
        json["verdict"]!.GetValue<string>().Should().Be("failed");
    }

    [Test]
    public void Junit_is_well_formed_with_a_suite_per_scenario_and_right_counts()
    {
        var xml = XDocument.Parse(JUnitWriter.Render(ResultsJsonReader.Read(_run)));

        var root = xml.Root!;
        root.Attribute("tests")!.Value.Should().Be("4");
        root.Attribute("failures")!.Value.Should().Be("1");
        root.Attribute("skipped")!.Value.Should().Be("1");
        root.Elements("testsuite").Select(s => s.Attribute("name")!.Value).Should()
            .Equal("login.code-mfa.aal2", "login.code-mfa.wrong-code", "login.code-mfa.whoami-aal1");
        var failed = root.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "login.code-mfa.wrong-code.browser");
        failed.Attribute("classname")!.Value.Should().Be("wrong-code");
        failed.Element("failure")!.Attribute("message")!.Value.Should().Be("login.code-mfa.wrong-code / browser — message 4010008 missing");
        failed.Element("failure")!.Value.Should().Contain("Expected ui.messages to contain 4010008");
        var skipped = root.Descendants("skipped").Single();
        skipped.Attribute("message")!.Value.Should().Be("not applicable: whoami-aal1 overlay not configured");
    }

    [Test]
    public void Junit_survives_control_characters_in_messages()
    {
        var result = SyntheticRun.Result("v26.2.0", SyntheticRun.Test("aal2", "spa", TestOutcome.Failed, "bad \u001b[31mred\u0000 body"));

        var act = () => XDocument.Parse(JUnitWriter.Render(result));

        act.Should().NotThrow();
    }

    [Test]
    public void Summary_markdown_names_the_login_UI_its_browser_tests_certified()
    {
        var result = SyntheticRun.Result("v26.2.0", SyntheticRun.Test("aal2", "browser-ui", TestOutcome.Passed));
        var noted = result with { Run = result.Run with { Notes = new Dictionary<string, string> { ["login-ui"] = "reference UI: Ory Elements SPA" } } };

        SummaryMarkdownWriter.Render(noted).Should().Contain("Login UI certified by the browser-ui tests: reference UI: Ory Elements SPA");
        SummaryMarkdownWriter.Render(result).Should().NotContain("Login UI certified");
    }

    [Test]
    public void Summary_markdown_has_verdict_matrix_symbols_and_failures()
    {
        var result = ResultsJsonReader.Read(_run);
        result = result with
        {
            Tests = [.. result.Tests, SyntheticRun.Test("resend", "spa", TestOutcome.ExpectedFailure) with { BaselineNote = "KRATOS-1234" }],
        };

        var md = SummaryMarkdownWriter.Render(result);

        md.Should().StartWith("## Kratos code-MFA conformance: ✗ FAILED: 1 failed, 2 passed, 1 not applicable, 1 expected failure (5 tests)");
        md.Should().Contain("| factor | flow | scenario | browser | spa | native |");
        md.Should().Contain("| code-mfa | login | aal2 | ✓ | ✓ |  |");
        md.Should().Contain("| code-mfa | login | wrong-code | ✗ |  |  |");
        md.Should().Contain("| code-mfa | login | whoami-aal1 |  |  | n.a. |");
        md.Should().Contain("| code-mfa | login | resend |  | ✗ (expected) |  |");
        md.Should().Contain("By factor: code-mfa 2/5 passed, 1 failed, 1 n.a.");
        md.Should().Contain("#### login.code-mfa.wrong-code.browser\n\n");
        md.Should().Contain("```text\nlogin.code-mfa.wrong-code / browser — message 4010008 missing\nExpected ui.messages");
        md.Should().Contain("- `login.code-mfa.resend.spa`: KRATOS-1234");
    }

    [Test]
    public void Html_report_is_self_contained_escaped_and_shows_the_evidence()
    {
        var html = HtmlReportWriter.Render(ResultsJsonReader.Read(_run), _run);

        html.Should().Contain("id=\"test-login.code-mfa.aal2.spa\"").And.Contain("href=\"#test-login.code-mfa.wrong-code.browser\"");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain("<script>alert(1)");
        html.Should().Contain("ory_st_***").And.Contain("&quot;password&quot;: &quot;***&quot;");
        html.Should().Contain(SyntheticRun.OldText1010014).And.Contain("state=choose_method [1010004]");
        html.Should().Contain("Your code: ******").And.Contain("Identity authenticated");
        html.Should().Contain("href=\"evidence/login.code-mfa.aal2.spa/0001-post-self-service-login.txt\"");
        html.Should().NotContainAny("src=\"http", "href=\"http", "<link ");
    }

    [Test]
    public async Task All_reports_contain_no_unmasked_secret()
    {
        await RunReports.WriteAllAsync(ResultsJsonReader.Read(_run), _run);

        SecretScan.ScanDirectory(_run).Should().BeEmpty();
        File.Exists(Path.Combine(_run, "index.html")).Should().BeTrue();
        File.Exists(Path.Combine(_run, "junit.xml")).Should().BeTrue();
    }

    [Test]
    public void Secret_scan_finds_session_and_csrf_tokens_but_not_masks()
    {
        var text = "Authorization: Bearer ory_st_abcdefghijklmnopqrstuvwxyz012345\nbody: csrf_token=ZmFrZS1jc3JmLXRva2VuLWxvbmctdmFsdWU%3D&code=1\nmasked: ory_st_*** csrf_token=***";

        var findings = SecretScan.ScanText(text, "0003-post.txt");

        findings.Select(f => (f.Line, f.Pattern)).Should().Equal((1, "ory session token"), (2, "csrf token"));
        findings[0].ToString().Should().Be("0003-post.txt:1: ory session token (ory_st_abcdefghi…)");
    }

    [Test]
    public void Secret_scan_finds_csrf_tokens_in_json_and_session_cookies_but_not_masks()
    {
        var text = "{\"method\":\"code\",\"csrf_token\":\"ZmFrZS1jc3JmLXRva2VuLWxvbmctdmFsdWU=\"}\n"
            + "Cookie: ory_kratos_session=MTc2NDM1NjEyMnxEWDhFQVFMX2dBQUJFQUVRQUFC\n"
            + "masked: {\"csrf_token\":\"***64b9\"} ory_kratos_session=***bcaf";

        var findings = SecretScan.ScanText(text, "steps.jsonl");

        findings.Select(f => (f.Line, f.Pattern)).Should().Equal((1, "csrf token (json)"), (2, "session cookie"));
    }
}
