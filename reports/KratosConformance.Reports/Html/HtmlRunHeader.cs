using System.Globalization;
using System.Text;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Html;

/// <summary>The run metadata block: what was tested, how, when; enough to reproduce the run.</summary>
internal static class HtmlRunHeader
{
    public static void Render(StringBuilder html, RunMetadata run)
    {
        var rows = new List<(string, string?)>
        {
            ("run", run.RunId),
            ("Kratos version", run.KratosVersion),
            ("image", run.KratosImage is null ? null : run.KratosImage + (run.KratosImageDigest is null ? "" : "@" + run.KratosImageDigest)),
            ("target", run.Target),
            ("deviations", run.Deviations.Count == 0 ? null : string.Join(", ", run.Deviations)),
            ("mail access", run.MailAccess),
            ("config hash", run.ConfigHash),
            ("started", run.StartedAt.ToString("u", CultureInfo.InvariantCulture)),
            ("duration", run.FinishedAt > run.StartedAt ? RunHeadline.Duration(run.FinishedAt - run.StartedAt) : null),
            ("harness", run.HarnessVersion),
            ("interrupted by", run.Interruption),
            ("secrets", run.SecretsRevealed ? "revealed (--reveal-secrets)" : null),
        };
        rows.AddRange(run.Notes.Select(n => (n.Key, (string?)n.Value)));
        html.Append("<dl class=\"meta\">");
        foreach (var (name, value) in rows.Where(r => r.Item2 is not null))
        {
            html.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
        }

        html.Append("</dl>\n");
    }
}
