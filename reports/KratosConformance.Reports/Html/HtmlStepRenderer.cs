using System.Globalization;
using System.Text;
using KratosConformance.Reports.Evidence;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Reports.Html;

/// <summary>
/// Renders one evidence step as a closed &lt;details&gt;: the summary line is enough to scan 10 steps, bodies and flow
/// JSON open on demand (nested details) so a page of 40 tests stays light. Evidence is shown as recorded, already
/// masked; nothing is unmasked here.
/// </summary>
internal static class HtmlStepRenderer
{
    public static void Render(StringBuilder html, EvidenceStep step, string evidenceDirectory)
    {
        html.Append("<details class=\"step\"><summary><span class=\"kind\">").Append(HtmlText.Encode(Kind(step.Kind)))
            .Append("</span> ").Append(SummaryLine(step)).Append("</summary>\n");
        if (step.Http is { } http)
        {
            RenderHttp(html, http);
        }

        if (step.Flow is { } flow)
        {
            RenderFlow(html, flow);
        }

        if (step.Mail is { } mail)
        {
            RenderMail(html, mail);
        }

        if (step.Text is not null)
        {
            html.Append("<pre>").Append(HtmlText.Encode(step.Text)).Append("</pre>\n");
        }

        if (step.File is not null)
        {
            html.Append("<p>File: <a href=\"").Append(HtmlText.RelativeHref(evidenceDirectory + "/" + step.File)).Append("\">")
                .Append(HtmlText.Encode(step.File)).Append("</a></p>\n");
        }

        html.Append("</details>\n");
    }

    private static string Kind(EvidenceKind kind) => kind.ToString().ToLowerInvariant();

    private static string SummaryLine(EvidenceStep step)
    {
        var line = new StringBuilder(HtmlText.Encode(step.Title));
        if (step.Http is { } http && !step.Title.Contains(http.Status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            line.Append(" <span class=\"status-").Append(http.Status / 100).Append("\">→ ").Append(http.Status).Append("</span>");
        }

        if (step.Flow is { } flow)
        {
            line.Append(" · state=").Append(HtmlText.Encode(flow.State ?? "?"));
            if (flow.MessageIds.Count > 0)
            {
                line.Append(" [").Append(HtmlText.Encode(string.Join(", ", flow.MessageIds))).Append(']');
            }
        }

        if (step.Http?.ErrorId is { } errorId)
        {
            line.Append(" · error=").Append(HtmlText.Encode(errorId));
        }

        return line.ToString();
    }

    private static void RenderHttp(StringBuilder html, HttpEvidence http)
    {
        var request = new StringBuilder().Append(http.Method).Append(' ').Append(http.Url).Append('\n');
        AppendHeaders(request, http.RequestHeaders);
        if (!string.IsNullOrEmpty(http.RequestBody))
        {
            request.Append('\n').Append(JsonPretty.Format(http.RequestBody));
        }

        var response = new StringBuilder().Append(http.Status.ToString(CultureInfo.InvariantCulture))
            .Append("  (").Append(RunHeadline.DurationMs(http.DurationMs)).Append(")\n");
        AppendHeaders(response, http.ResponseHeaders);
        if (!string.IsNullOrEmpty(http.ResponseBody))
        {
            response.Append('\n').Append(JsonPretty.Format(http.ResponseBody));
        }

        Sub(html, "request", request.ToString(), open: false);
        Sub(html, "response", response.ToString(), open: false);
    }

    private static void RenderFlow(StringBuilder html, FlowEvidence flow)
    {
        var facts = new StringBuilder()
            .Append("state: ").Append(flow.State ?? "?").Append('\n')
            .Append("requested_aal: ").Append(flow.RequestedAal ?? "?").Append('\n');
        for (var i = 0; i < flow.MessageIds.Count; i++)
        {
            var text = i < flow.MessageTexts.Count ? flow.MessageTexts[i] : "";
            facts.Append("message ").Append(flow.MessageIds[i]).Append(": ").Append(text).Append('\n');
        }

        facts.Append("nodes:\n");
        foreach (var node in flow.Nodes)
        {
            facts.Append("  ").Append(node).Append('\n');
        }

        Sub(html, "flow" + (flow.State is null ? "" : " (" + flow.State + ")"), facts.ToString(), open: false);
        if (flow.Json is not null)
        {
            Sub(html, "flow JSON", JsonPretty.Format(flow.Json), open: false);
        }
    }

    private static void RenderMail(StringBuilder html, MailEvidence mail)
    {
        var text = new StringBuilder()
            .Append("From: ").Append(mail.From).Append('\n')
            .Append("To: ").Append(string.Join(", ", mail.To)).Append('\n')
            .Append("Subject: ").Append(mail.Subject).Append('\n');
        if (mail.Code is not null)
        {
            text.Append("Code: ").Append(mail.Code).Append('\n');
        }

        if (mail.Reader is not null)
        {
            text.Append("Read by: ").Append(mail.Reader).Append('\n');
        }

        text.Append('\n').Append(mail.Body);
        Sub(html, "mail: " + (mail.Subject ?? "(no subject)"), text.ToString(), open: true);
    }

    private static void AppendHeaders(StringBuilder text, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
    }

    private static void Sub(StringBuilder html, string title, string body, bool open)
    {
        html.Append(open ? "<details class=\"sub\" open>" : "<details class=\"sub\">")
            .Append("<summary>").Append(HtmlText.Encode(title)).Append("</summary><pre>")
            .Append(HtmlText.Encode(body)).Append("</pre></details>\n");
    }
}
