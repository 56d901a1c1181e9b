using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// One ui node as HTML. Inputs keep Kratos's name/type/value/required/autocomplete so the browser posts exactly the
/// fields Kratos described; test ids follow Ory's reference UI (<c>node/input/&lt;name&gt;</c>,
/// <c>ui/message/&lt;id&gt;</c>). Script nodes are not rendered: the code method needs none, and running scripts
/// from a deployment under test is not this UI's job.
/// </summary>
internal static class NodeHtml
{
    public static void Append(StringBuilder html, JsonObject node)
    {
        var attributes = node["attributes"] as JsonObject ?? [];
        var label = (node["meta"] as JsonObject)?["label"] as JsonObject;
        switch (Html.String(node, "type"))
        {
            case "input":
                Input(html, attributes, label);
                break;
            case "text":
                // Ory's kratos-selfservice-ui-node markup: the label and the text apart, so a user (and Ory's e2e tests,
                // node/text/totp_secret_key/text, node/text/lookup_secret_codes/text) reads the secret without the label.
                var id = Html.Encode(Html.String(attributes, "id"));
                html.Append("<div data-testid=\"node/text/").Append(id).Append("\"><p data-testid=\"node/text/").Append(id).Append("/label\">")
                    .Append(Html.Encode(Html.String(label, "text"))).Append("</p>\n<pre data-testid=\"node/text/").Append(id).Append("/text\">")
                    .Append(Html.Encode(Html.String(attributes["text"] as JsonObject, "text"))).Append("</pre></div>\n");
                break;
            case "a":
                html.Append("<a href=\"").Append(Html.Encode(Html.String(attributes, "href")))
                    .Append("\" data-testid=\"node/anchor/").Append(Html.Encode(Html.String(attributes, "id"))).Append("\">")
                    .Append(Html.Encode(Html.String(attributes["title"] as JsonObject, "text"))).Append("</a>\n");
                break;
            case "img":
                html.Append("<img data-testid=\"node/image/").Append(Html.Encode(Html.String(attributes, "id"))).Append("\" src=\"").Append(Html.Encode(Html.String(attributes, "src")))
                    .Append("\" alt=\"").Append(Html.Encode(Html.String(label, "text"))).Append("\">\n");
                break;
            default:
                break;
        }

        foreach (var message in (node["messages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Html.Message(html, message);
        }
    }

    private static void Input(StringBuilder html, JsonObject attributes, JsonObject? label)
    {
        var name = Html.String(attributes, "name") ?? string.Empty;
        var type = Html.String(attributes, "type") ?? "text";
        var value = Html.String(attributes, "value");
        var common = new StringBuilder()
            .Append(" name=\"").Append(Html.Encode(name)).Append('"')
            .Append(" data-testid=\"node/input/").Append(Html.Encode(name)).Append('"');
        if (Html.True(attributes, "disabled"))
        {
            common.Append(" disabled");
        }

        if (type is "submit" or "button")
        {
            // A <button> carries name=value only when pressed, which is how Kratos tells "Send code to a@x" from "Resend".
            // Only the method's own submit (name=method) may be held back by the browser's required-field check: "Resend
            // code" must post while the required code input is still empty, as it does in Ory's UIs.
            if (name != "method")
            {
                common.Append(" formnovalidate");
            }

            html.Append("<button type=\"").Append(Html.Encode(type)).Append('"').Append(common)
                .Append(" value=\"").Append(Html.Encode(value)).Append("\">")
                .Append(Html.Encode(Html.String(label, "text") ?? value ?? name)).Append("</button>\n");
            return;
        }

        var input = new StringBuilder("<input type=\"").Append(Html.Encode(type)).Append('"').Append(common);
        if (type == "checkbox")
        {
            // Kratos expects "true" for a ticked checkbox; its value attribute says whether it starts ticked.
            input.Append(" value=\"true\"");
            if (value == "true")
            {
                input.Append(" checked");
            }
        }
        else if (value is not null)
        {
            input.Append(" value=\"").Append(Html.Encode(value)).Append('"');
        }

        if (Html.True(attributes, "required"))
        {
            input.Append(" required");
        }

        foreach (var extra in new[] { "autocomplete", "pattern", "maxlength" })
        {
            if (Html.String(attributes, extra) is { } text)
            {
                input.Append(' ').Append(extra).Append("=\"").Append(Html.Encode(text)).Append('"');
            }
        }

        input.Append('>');
        if (type == "hidden")
        {
            html.Append(input).Append('\n');
            return;
        }

        html.Append("<label><span>").Append(Html.Encode(Html.String(label, "text") ?? name)).Append("</span>\n")
            .Append(input).Append("\n</label>\n");
    }
}
