using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Compare;

/// <summary>
/// Compares two run folders (e.g. the same suite against v25.4.0 and v26.2.0) for upgrade certification: outcome
/// changes, tests only in one run, per-step differences of tests in both, and reworded ui messages.
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(string runDirectoryA, string runDirectoryB)
    {
        var a = EvidenceIndex.Attach(ResultsJsonReader.Read(runDirectoryA), runDirectoryA);
        var b = EvidenceIndex.Attach(ResultsJsonReader.Read(runDirectoryB), runDirectoryB);
        var testsB = b.Tests.ToDictionary(t => t.Id);
        var idsA = a.Tests.Select(t => t.Id).ToHashSet();
        var outcomeChanges = new List<OutcomeChange>();
        var diffs = new List<TestDiff>();
        var stepsA = new Dictionary<string, IReadOnlyList<EvidenceStep>>();
        var stepsB = new Dictionary<string, IReadOnlyList<EvidenceStep>>();
        foreach (var testA in a.Tests)
        {
            stepsA[testA.Id] = EvidenceIndex.ReadSteps(testA, runDirectoryA);
            if (!testsB.TryGetValue(testA.Id, out var testB))
            {
                continue;
            }

            stepsB[testB.Id] = EvidenceIndex.ReadSteps(testB, runDirectoryB);
            if (testA.Outcome != testB.Outcome)
            {
                outcomeChanges.Add(new OutcomeChange(testA.Id, testA.Outcome, testB.Outcome)
                {
                    MessageA = testA.Message,
                    MessageB = testB.Message,
                });
            }

            if (DiffSteps(testA.Id, stepsA[testA.Id], stepsB[testB.Id]) is { } diff)
            {
                diffs.Add(diff);
            }
        }

        foreach (var testB in b.Tests.Where(t => !idsA.Contains(t.Id)))
        {
            stepsB[testB.Id] = EvidenceIndex.ReadSteps(testB, runDirectoryB);
        }

        return new RunComparison
        {
            DirectoryA = runDirectoryA,
            DirectoryB = runDirectoryB,
            RunA = a.Run,
            RunB = b.Run,
            OutcomeChanges = outcomeChanges,
            OnlyInA = a.Tests.Where(t => !testsB.ContainsKey(t.Id)).ToList(),
            OnlyInB = b.Tests.Where(t => !idsA.Contains(t.Id)).ToList(),
            TestDiffs = diffs,
            TestsCompared = a.Tests.Count(t => testsB.ContainsKey(t.Id)),
            MessageTextChanges = MessageCatalog.Changes(MessageCatalog.Of(stepsA.Values), MessageCatalog.Of(stepsB.Values)),
            CheckChanges = CheckChange.Between(a.Tests, b.Tests),
        };
    }

    private static TestDiff? DiffSteps(string id, IReadOnlyList<EvidenceStep> a, IReadOnlyList<EvidenceStep> b)
    {
        var viewsA = HttpStepView.Of(a);
        var viewsB = HttpStepView.Of(b);
        var steps = new List<StepDiff>();
        foreach (var (stepA, stepB) in StepAligner.Align(viewsA, viewsB))
        {
            if (stepA is not null && stepB is not null)
            {
                var changes = StepDiffer.Diff(stepA, stepB);
                if (changes.Count > 0)
                {
                    steps.Add(new StepDiff(StepDiffKind.Changed, stepA.Key)
                    {
                        Label = stepA.Label ?? stepB.Label,
                        SeqA = stepA.Step.Seq,
                        SeqB = stepB.Step.Seq,
                        TitleA = stepA.Step.Title,
                        TitleB = stepB.Step.Title,
                        Changes = changes,
                    });
                }
            }
            else if (stepA is not null)
            {
                steps.Add(new StepDiff(StepDiffKind.OnlyInA, stepA.Key)
                {
                    Label = stepA.Label, SeqA = stepA.Step.Seq, TitleA = stepA.Step.Title, Gist = stepA.Gist(),
                });
            }
            else if (stepB is not null)
            {
                steps.Add(new StepDiff(StepDiffKind.OnlyInB, stepB.Key)
                {
                    Label = stepB.Label, SeqB = stepB.Step.Seq, TitleB = stepB.Step.Title, Gist = stepB.Gist(),
                });
            }
        }

        return steps.Count == 0 ? null : new TestDiff(id, viewsA.Count, viewsB.Count, steps);
    }
}
