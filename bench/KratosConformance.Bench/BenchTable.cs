using System.Text;

namespace KratosConformance.Bench;

/// <summary>The console view of a report: plain aligned columns, no colour, so it pastes into an issue as it is.</summary>
public static class BenchTable
{
    public static string Render(BenchReport r)
    {
        var t = new StringBuilder();
        var m = r.Machine;
        Line(t, $"kc bench — {r.StartedAt:yyyy-MM-dd HH:mm}, {m.Cores} cores, load {m.LoadAverage ?? "n/a"} (1/5/15 min), {m.Runtime}, {r.Repetitions} repetitions");
        Line(t);
        Line(t, $"Per-flow time, medians (harness = KratosClient + identities + mail reader + evidence; replay = raw HttpClient)");
        Line(t, $"  {"target",-10} {"scenario",-13} {"client",-8} {"harness ms",10} {"replay ms",10} {"ratio",7} {"requests",9} {"mail wait h/r ms",17}");
        foreach (var f in r.Flows)
        {
            if (f.Error is not null)
            {
                Line(t, $"  {f.Target,-10} {f.Scenario,-13} {f.Client,-8} {f.Error}");
                continue;
            }

            var flag = f.Ratio <= BenchGoals.MaxFlowRatio ? string.Empty : "  > goal";
            Line(t, $"  {f.Target,-10} {f.Scenario,-13} {f.Client,-8} {f.HarnessMedianMs,10:0.0} {f.ReplayMedianMs,10:0.0} {f.Ratio,6:0.00}× {f.HarnessRequests,4}/{f.ReplayRequests,-4} {f.HarnessMailWaitMedianMs,8:0.0}/{f.ReplayMailWaitMedianMs,-8:0.0}{flag}");
        }

        Line(t);
        Line(t, $"Mail detection latency (sink accepted → code returned)");
        Line(t, $"  {"reader",-28} {"median ms",10} {"p95 ms",8} {"samples",8}");
        foreach (var l in r.Mail)
        {
            Line(t, l.Skipped is null
                ? $"  {l.Reader,-28} {l.MedianMs,10:0.0} {l.P95Ms,8:0.0} {l.SamplesMs.Count,8}"
                : $"  {l.Reader,-28} {l.Skipped}");
        }

        Line(t);
        Line(t, r.FlowFetch switch
        {
            null => "Flow request to the local double: not measured",
            { Skipped: { } why } => $"Flow request to the local double: {why}",
            var f => $"Flow request to the local double (GET /self-service/login/flows): median {f.MedianMs:0.00} ms, p95 {f.P95Ms:0.00} ms, max {f.MaxMs:0.0} ms, {f.SamplesMs.Count} requests",
        });

        Line(t);
        Line(t, $"Suite wall time (end to end, in this process)");
        Line(t, $"  {"target",-11} {"workers",7} {"wall s",8} {"tests",6} {"passed",7} {"failed",7} {"n/a",5} {"Σ test s",9}");
        foreach (var s in r.Suite)
        {
            Line(t, s.Skipped is null
                ? $"  {s.Target,-11} {s.Workers,7} {s.WallSeconds,8:0.0} {s.Tests,6} {s.Passed,7} {s.Failed,7} {s.NotApplicable,5} {s.TestSecondsSum,9:0.0}"
                : $"  {s.Target,-11} {s.Workers,7} {s.Skipped}");
        }

        Line(t);
        Line(t, $"Peak memory (Process.PeakWorkingSet64): {m.PeakWorkingSetText}; smtp4dev start {r.MailSinkStartSeconds:0.0} s; bench took {r.TookSeconds:0} s");
        Line(t);
        Line(t, $"Goals (reported, not enforced)");
        foreach (var g in r.Goals)
        {
            Line(t, $"  {g.Verdict,-13} {g.Name,-42} goal {g.Target}; measured {g.Measured}");
        }

        foreach (var n in r.Notes)
        {
            Line(t, $"note: {n}");
        }

        return t.ToString();
    }

    // The harness runs with InvariantGlobalization: interpolation formats numbers the same on every machine.
    private static void Line(StringBuilder t, string? text = null) => t.AppendLine(text ?? string.Empty);
}
