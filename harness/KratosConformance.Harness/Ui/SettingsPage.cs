using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// Renders a settings flow from ui.nodes the way Ory's kratos-selfservice-ui-node does (its settings page is one form
/// per method group, posting to ui.action): nothing is hard-coded per method or version, so TOTP's QR image, secret
/// text, code input and unlink button, and the backup codes' regenerate/reveal/confirm/disable buttons and code list,
/// appear exactly when Kratos's flow carries them (factors spec §3.3, §3.4, §4.3). One form per group keeps a required
/// field of one method (<c>totp_code</c>) from blocking another method's button (<c>lookup_secret_regenerate</c>).
/// </summary>
internal static class SettingsPage
{
    public static string Render(JsonObject flow)
    {
        var ui = flow["ui"] as JsonObject ?? [];
        var nodes = (ui["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var html = new StringBuilder();

        html.Append("<main data-testid=\"settings-flow\"")
            .Append(Attr("data-flow-id", Html.String(flow, "id")))
            .Append(Attr("data-flow-state", Html.String(flow, "state")))
            .Append(">\n<h1>Account settings</h1>\n<div data-testid=\"ui/messages\">\n");
        foreach (var message in (ui["messages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Html.Message(html, message);
        }

        html.Append("</div>\n");

        // csrf_token (group default) goes into every form; the other default-group nodes (none in settings flows of
        // the versions the suites know) are a form of their own.
        var defaults = nodes.Where(n => Group(n) == "default").ToList();
        foreach (var group in nodes.Select(Group).Where(g => g != "default").Distinct(StringComparer.Ordinal))
        {
            html.Append("<form method=\"").Append(Html.Encode(Html.String(ui, "method") ?? "POST"))
                .Append("\" action=\"").Append(Html.Encode(Html.String(ui, "action")))
                .Append("\" data-testid=\"ui/form/").Append(Html.Encode(group)).Append("\">\n");
            foreach (var node in defaults.Concat(nodes.Where(n => Group(n) == group)))
            {
                NodeHtml.Append(html, node);
            }

            html.Append("</form>\n");
        }

        html.Append("<p><a href=\"/\" data-testid=\"settings/home\">Back</a></p>\n</main>\n");
        return Html.Page("Account settings", html.ToString());
    }

    private static string Group(JsonObject node) => Html.String(node, "group") ?? "default";

    private static string Attr(string name, string? value) =>
        value is null ? string.Empty : $" {name}=\"{Html.Encode(value)}\"";
}
