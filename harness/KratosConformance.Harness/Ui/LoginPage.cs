using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// Renders a login flow generically from ui.nodes, the way Ory's own UIs do, so the browser exercises exactly what
/// Kratos sent: nothing is hard-coded per method or version. One form per method group (default-group nodes such as
/// csrf_token repeated in each), because a single form would let a required field of one method (totp_code) block the
/// browser from submitting another method's button ("Send code to …").
/// </summary>
internal static class LoginPage
{
    public static string Render(JsonObject flow)
    {
        var ui = flow["ui"] as JsonObject ?? [];
        var nodes = (ui["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var html = new StringBuilder();

        html.Append("<main data-testid=\"login-flow\"")
            .Append(Attr("data-flow-id", Html.String(flow, "id")))
            .Append(Attr("data-flow-state", Html.String(flow, "state")))
            .Append(Attr("data-requested-aal", Html.String(flow, "requested_aal")))
            .Append(Attr("data-refresh", Html.String(flow, "refresh")))
            .Append(">\n<h1>Sign in</h1>\n<div data-testid=\"ui/messages\">\n");
        foreach (var message in (ui["messages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Html.Message(html, message);
        }

        html.Append("</div>\n");

        var defaults = nodes.Where(n => Group(n) == "default").ToList();
        var groups = nodes.Select(Group).Where(g => g != "default").Distinct(StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            groups.Add("default");
        }

        foreach (var group in groups)
        {
            html.Append("<form method=\"").Append(Html.Encode(Html.String(ui, "method") ?? "POST"))
                .Append("\" action=\"").Append(Html.Encode(Html.String(ui, "action")))
                .Append("\" data-testid=\"ui/form/").Append(Html.Encode(group)).Append("\">\n");
            var members = group == "default" ? defaults : defaults.Concat(nodes.Where(n => Group(n) == group));
            foreach (var node in members)
            {
                NodeHtml.Append(html, node);
            }

            html.Append("</form>\n");
        }

        html.Append("</main>\n");
        return Html.Page("Sign in", html.ToString());
    }

    private static string Group(JsonObject node) => Html.String(node, "group") ?? "default";

    private static string Attr(string name, string? value) =>
        value is null ? string.Empty : $" {name}=\"{Html.Encode(value)}\"";
}
