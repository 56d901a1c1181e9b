using System.Text.Json;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Output;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// Fills TestResult.EvidenceDirectory / EvidenceFiles from what the fixtures wrote to evidence/&lt;test-id&gt;/, so the
/// runner need not track files itself and results.json lists exactly what is on disk.
/// </summary>
public static class EvidenceIndex
{
    public const string StepsFileName = "steps.jsonl";

    public static RunResult Attach(RunResult result, string runDirectory) => result with
    {
        Tests = result.Tests.Select(t => Attach(t, runDirectory)).ToList(),
    };

    public static TestResult Attach(TestResult test, string runDirectory)
    {
        var relative = test.EvidenceDirectory ?? RunDirectory.RelativeEvidenceDirectory(test.Id);
        var full = Path.Combine(runDirectory, relative);
        if (!Directory.Exists(full))
        {
            return test;
        }

        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(runDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var withFiles = test with { EvidenceDirectory = relative, EvidenceFiles = files };
        return withFiles with { Checks = ReadSteps(withFiles, runDirectory).Select(s => s.Check).OfType<CheckEvidence>().ToList() };
    }

    /// <summary>
    /// The steps of one test; empty when it recorded none. A line that does not parse (a test process killed while
    /// writing) becomes a note saying so, rather than making the whole report unreadable.
    /// </summary>
    public static IReadOnlyList<EvidenceStep> ReadSteps(TestResult test, string runDirectory)
    {
        var relative = test.EvidenceDirectory ?? RunDirectory.RelativeEvidenceDirectory(test.Id);
        var path = Path.Combine(runDirectory, relative, StepsFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var steps = new List<EvidenceStep>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                steps.Add(JsonSerializer.Deserialize<EvidenceStep>(line, EvidenceJson.Options)!);
            }
            catch (JsonException e)
            {
                steps.Add(new EvidenceStep
                {
                    Seq = steps.Count == 0 ? 0 : steps[^1].Seq,
                    Kind = EvidenceKind.Note,
                    Title = $"unreadable evidence line {lineNumber} of {StepsFileName}",
                    Text = e.Message,
                });
            }
        }

        return steps;
    }
}
