using System.Globalization;
using System.Text;
using System.Xml;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// Writes junit.xml for CI test tabs: one &lt;testsuite&gt; per scenario, &lt;testcase classname="scenario" name="id"&gt;.
/// Not-applicable and expected failures are &lt;skipped&gt; with the reason as message (type "not-applicable" /
/// "expected-failure"), the convention pytest uses for xfail: CI tabs show skipped tests with their message, while a
/// note on a passed test is hidden, and counting a known deviation as "passed" would overstate conformance.
/// </summary>
public static class JUnitWriter
{
    public const string FileName = "junit.xml";

    public static string Render(RunResult result)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            WriteDocument(writer, result);
        }

        return builder.Append('\n').ToString();
    }

    public static async Task<string> WriteAsync(RunResult result, string runDirectory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(runDirectory, FileName);
        await ReportFile.WriteAsync(path, Render(result), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static void WriteDocument(XmlWriter w, RunResult result)
    {
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", "kratos-conformance " + result.Run.RunId);
        WriteCounts(w, RunSummary.Of(result.Tests), result.Tests);
        foreach (var scenario in result.Tests.GroupBy(t => t.Scenario))
        {
            WriteSuite(w, result.Run, scenario.Key, scenario.ToList());
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteSuite(XmlWriter w, RunMetadata run, string scenario, IReadOnlyList<TestResult> tests)
    {
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", TestId.Qualify(scenario));
        WriteCounts(w, RunSummary.Of(tests), tests);
        w.WriteAttributeString("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        WriteProperties(w, run);
        foreach (var test in tests)
        {
            WriteCase(w, test);
        }

        w.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter w, RunSummary s, IEnumerable<TestResult> tests)
    {
        w.WriteAttributeString("tests", s.Total.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", s.Failed.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", (s.NotApplicable + s.ExpectedFailure + s.Interrupted).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("time", Seconds(tests.Sum(t => t.DurationMs)));
    }

    private static void WriteProperties(XmlWriter w, RunMetadata run)
    {
        var properties = new List<(string, string?)>
        {
            ("run.id", run.RunId), ("kratos.version", run.KratosVersion), ("kratos.image", run.KratosImage),
            ("kratos.image.digest", run.KratosImageDigest), ("target", run.Target), ("mail.access", run.MailAccess),
            ("config.hash", run.ConfigHash), ("harness.version", run.HarnessVersion),
            ("interruption", run.Interruption), ("secrets.revealed", run.SecretsRevealed ? "true" : null),
        };
        properties.AddRange(run.Notes.Select(n => ("note." + n.Key, (string?)n.Value)));
        w.WriteStartElement("properties");
        foreach (var (name, value) in properties.Where(p => p.Item2 is not null))
        {
            w.WriteStartElement("property");
            w.WriteAttributeString("name", XmlText.Clean(name));
            w.WriteAttributeString("value", XmlText.Clean(value));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteCase(XmlWriter w, TestResult test)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("classname", test.Scenario);
        w.WriteAttributeString("name", test.Id);
        w.WriteAttributeString("time", Seconds(test.DurationMs));
        switch (test.Outcome)
        {
            case TestOutcome.Failed:
                WriteResultElement(w, "failure", "conformance", test.Message ?? test.BaselineNote ?? "failed", Details(test));
                break;
            case TestOutcome.NotApplicable:
                WriteResultElement(w, "skipped", "not-applicable", test.Message ?? "not applicable", null);
                break;
            case TestOutcome.ExpectedFailure:
                WriteResultElement(w, "skipped", "expected-failure",
                    "expected failure (baseline: " + (test.BaselineNote ?? "no reason given") + ")", Details(test));
                break;
            case TestOutcome.Interrupted:
                // Not a failure of Kratos and not a pass: the run was stopped before the test finished.
                WriteResultElement(w, "skipped", "interrupted", test.Message ?? "interrupted", null);
                break;
        }

        if (test.Summary is not null)
        {
            w.WriteElementString("system-out", XmlText.Clean(test.Summary));
        }

        w.WriteEndElement();
    }

    private static void WriteResultElement(XmlWriter w, string element, string type, string message, string? body)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("message", XmlText.Clean(OutcomeSymbols.FirstLine(message)));
        w.WriteAttributeString("type", type);
        if (body is not null)
        {
            w.WriteString(XmlText.Clean(body));
        }

        w.WriteEndElement();
    }

    /// <summary>The full message plus where the evidence is, so the CI tab alone says where to look next.</summary>
    private static string Details(TestResult test)
    {
        var text = new StringBuilder(test.Message ?? "");
        if (test.BaselineNote is not null && test.Outcome == TestOutcome.Failed && test.Message != test.BaselineNote)
        {
            text.Append("\n\nBaseline: ").Append(test.BaselineNote);
        }

        if (test.EvidenceDirectory is not null)
        {
            text.Append("\n\nEvidence: ").Append(test.EvidenceDirectory).Append("/ (index.html#test-").Append(test.Id).Append(')');
        }

        return text.ToString();
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says encoding="utf-8" as the file is.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
