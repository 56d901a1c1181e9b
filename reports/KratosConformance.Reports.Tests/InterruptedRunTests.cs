using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Terminal;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

/// <summary>
/// A run stopped by a signal reads as INTERRUPTED everywhere (results.json and its schema, junit, summary.md,
/// index.html, the console), never as failed tests of Kratos; a --reveal-secrets run carries its banner likewise.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InterruptedRunTests
{
    private static RunResult Interrupted(bool secretsRevealed = false)
    {
        var result = SyntheticRun.Result("v26.2.0",
            SyntheticRun.Test("aal2", "spa", TestOutcome.Passed),
            SyntheticRun.Test("aal2", "native", TestOutcome.Interrupted, "interrupted: the run was stopped before this test finished"));
        return result with { Run = result.Run with { Interruption = "SIGINT", SecretsRevealed = secretsRevealed } };
    }

    [Test]
    public void The_verdict_is_interrupted_whatever_the_tests_did()
    {
        var result = Interrupted();

        var verdict = RunVerdict.Of(result);
        verdict.Interrupted.Should().BeTrue();
        verdict.Passed.Should().BeFalse();
        verdict.Line.Should().Be("INTERRUPTED by SIGINT: 1 passed, 1 interrupted (2 tests)");
        result.Verdict.Should().Be("interrupted");
        RunVerdict.Of(result.Summary).Passed.Should().BeFalse("an interrupted test never makes a run pass");
    }

    [Test]
    public void Results_json_with_interruption_and_revealed_secrets_matches_the_schema()
    {
        // Its own registry: the schema's $id is registered once per registry, and WriterTests loads it too.
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "results.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var json = JsonNode.Parse(ResultsJsonWriter.Render(Interrupted(secretsRevealed: true)))!;

        using var document = System.Text.Json.JsonDocument.Parse(json.ToJsonString());
        schema.Evaluate(document.RootElement).IsValid.Should().BeTrue();
        json["verdict"]!.GetValue<string>().Should().Be("interrupted");
        json["run"]!["interruption"]!.GetValue<string>().Should().Be("SIGINT");
        json["run"]!["secretsRevealed"]!.GetValue<bool>().Should().BeTrue();
        json["summary"]!["interrupted"]!.GetValue<int>().Should().Be(1);
        json["tests"]![1]!["outcome"]!.GetValue<string>().Should().Be("interrupted");
    }

    [Test]
    public void Every_human_report_says_interrupted_and_revealed()
    {
        var result = Interrupted(secretsRevealed: true);

        var junit = JUnitWriter.Render(result);
        var markdown = SummaryMarkdownWriter.Render(result);
        var html = SyntheticRun.RenderHtml(result);
        var console = FinalTable.Render(result, ConsoleStyle.Plain);

        junit.Should().Contain("<skipped message=\"interrupted: the run was stopped before this test finished\" type=\"interrupted\"").And.Contain("failures=\"0\"");
        markdown.Should().StartWith("## Kratos code-MFA conformance: ⚠ INTERRUPTED by SIGINT").And.Contain("> **INTERRUPTED by SIGINT: 1 test(s) did not finish").And.Contain(ReportBanners.SecretsRevealed);
        html.Should().Contain("class=\"verdict-interrupted\"").And.Contain("<p class=\"banner\">SECRETS REVEALED");
        console.Should().Contain("interrupted").And.Contain("INTERRUPTED by SIGINT: 1 passed, 1 interrupted (2 tests)").And.Contain(ReportBanners.SecretsRevealed);
    }
}
