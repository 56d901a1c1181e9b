using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using KratosConformance.Reports.Coverage;
using KratosConformance.Reports.Html;
using KratosConformance.Reports.Publishing;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

/// <summary>
/// Passed checks are evidence too: they reach results.json (schema-valid), index.html (per test) and summary.md, and
/// the field-coverage table of a run says per field verified / not-run / exempt / gap from the checks that ran.
/// </summary>
public sealed class CheckReportTests
{
    private const string Table = "# test table\nloginFlow.state\tflow.state\t\nloginFlow.active\tflow.active\t\nloginFlow.organization_id\t-\tnull in OSS Kratos\nloginFlow.transient_payload\t-\t\n";

    private string _run = "";

    [SetUp]
    public void CreateRun() => _run = SyntheticRun.WriteV25(SyntheticRun.TempDirectory());

    [TearDown]
    public void DeleteRun() => Directory.Delete(_run, recursive: true);

    [Test]
    public async Task Passed_checks_and_field_coverage_reach_every_report()
    {
        var written = await RunReports.WriteAllAsync(ResultsJsonReader.Read(_run), _run, FieldCoverageTable.Parse(Table));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_run, "results.json")))!;
        var check = json["tests"]!.AsArray().SelectMany(t => t!["checks"]?.AsArray() ?? []).First()!;
        check["id"]!.GetValue<string>().Should().Be("flow.state");
        check["outcome"]!.GetValue<string>().Should().Be("passed");
        check["fields"]![0]!.GetValue<string>().Should().Be("loginFlow.state");
        var coverage = json["fieldCoverage"]!.AsArray().ToDictionary(r => r!["field"]!.GetValue<string>(), r => r!["status"]!.GetValue<string>());
        coverage.Should().Equal(new Dictionary<string, string>
        {
            ["loginFlow.state"] = "verified",
            ["loginFlow.active"] = "not-run",
            ["loginFlow.organization_id"] = "exempt",
            ["loginFlow.transient_payload"] = "gap",
        });

        var schema = ResultsSchema.Get();
        using var document = System.Text.Json.JsonDocument.Parse(json.ToJsonString());
        schema.Evaluate(document.RootElement).IsValid.Should().BeTrue();

        var html = HtmlReportWriter.Render(written, _run);
        html.Should().Contain("checks: 1 passed, 0 failed, 0 warned").And.Contain("<code>flow.state</code>").And.Contain("the flow&#39;s state to be sent_email")
            .And.Contain("id=\"field-coverage\"").And.Contain("<code>loginFlow.transient_payload</code></td><td>gap");
        var md = await File.ReadAllTextAsync(Path.Combine(_run, "summary.md"));
        md.Should().Contain("### Field coverage").And.Contain("| `loginFlow.transient_payload` | gap |");
    }
}
