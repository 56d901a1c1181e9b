using System.Text;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Terminal;

/// <summary>The scenario × client matrix printed after a run, with aligned columns, and the verdict line under it.</summary>
public static class FinalTable
{
    public static string Render(RunResult result, ConsoleStyle style)
    {
        var matrix = OutcomeMatrix.Of(result.Tests);
        var text = new StringBuilder();
        if (matrix.Scenarios.Count > 0)
        {
            var first = Math.Max("scenario".Length, matrix.Scenarios.Max(s => s.Length));
            var widths = matrix.Clients.Select(c => Math.Max(c.Length, ColumnWidth(matrix, c))).ToList();
            text.Append("scenario".PadRight(first));
            for (var i = 0; i < matrix.Clients.Count; i++)
            {
                text.Append("  ").Append(matrix.Clients[i].PadRight(widths[i]));
            }

            text.Append('\n').Append(new string('-', first + widths.Sum(w => w + 2))).Append('\n');
            foreach (var scenario in matrix.Scenarios)
            {
                text.Append(scenario.PadRight(first));
                for (var i = 0; i < matrix.Clients.Count; i++)
                {
                    var test = matrix.Cell(scenario, matrix.Clients[i]);
                    var cell = test is null ? "" : OutcomeSymbols.Cell(test.Outcome);
                    // Pad the plain text first: escape codes must not count towards the column width.
                    var padded = cell.PadRight(widths[i]);
                    text.Append("  ").Append(test is null ? padded : style.Outcome(test.Outcome, cell) + padded[cell.Length..]);
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        var verdict = RunVerdict.Of(result);
        text.Append(style.Verdict(verdict)).Append('\n');
        if (result.Run.SecretsRevealed)
        {
            text.Append(style.Warning(ReportBanners.SecretsRevealed)).Append('\n');
        }
        return TrimLineEnds(text.ToString());
    }

    private static int ColumnWidth(OutcomeMatrix matrix, string client) =>
        matrix.Scenarios.Select(s => matrix.Cell(s, client)).Max(t => t is null ? 0 : OutcomeSymbols.Cell(t.Outcome).Length);

    private static string TrimLineEnds(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd(' ')));
}
