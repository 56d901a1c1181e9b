using System.Globalization;
using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>One line saying what was tested: shown under the verdict in summary.md, index.html and the console.</summary>
public static class RunHeadline
{
    public static string Describe(RunMetadata run)
    {
        var parts = new List<string>();
        var kratos = "Kratos " + (run.KratosVersion ?? "(version unknown)");
        if (run.KratosImage is not null)
        {
            kratos += " (" + run.KratosImage + (run.KratosImageDigest is null ? "" : "@" + run.KratosImageDigest) + ")";
        }

        parts.Add(kratos);
        if (run.Target is not null)
        {
            parts.Add("target " + run.Target);
        }

        if (run.Deviations.Count > 0)
        {
            parts.Add("deviations " + string.Join(", ", run.Deviations));
        }

        if (run.MailAccess is not null)
        {
            parts.Add("mail " + run.MailAccess);
        }

        parts.Add("run " + run.RunId);
        if (run.FinishedAt > run.StartedAt)
        {
            parts.Add(Duration(run.FinishedAt - run.StartedAt));
        }

        return string.Join(" · ", parts);
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)span.TotalMinutes}m {span.Seconds:00}s";

    public static string DurationMs(double ms) => ms < 10_000
        ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms"
        : (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
