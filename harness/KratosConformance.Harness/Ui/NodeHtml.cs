using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// One ui node as HTML. Inputs keep Kratos's name/type/value/required/autocomplete so the browser posts exactly the
/// fields Kratos described; test ids follow Ory's reference UI (<c>node/input/&lt;name&gt;</c>,
/// <c>ui/message/&lt;id&gt;</c>). Script nodes (WebAuthn's webauthn.js, factors spec §5.3) become &lt;script&gt; elements
/// with every attribute Kratos gave (src, integrity, crossorigin, referrerpolicy, nonce, async, type, id), and a button
/// with <c>onclickTrigger</c> calls that function of the script on click, as Ory's UIs do (§5.4, §5.5).
/// </summary>
internal static partial class NodeHtml
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
            case "script":
                Script(html, attributes);
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

            if (OnClick(attributes) is { } onclick)
            {
                common.Append(" onclick=\"").Append(Html.Encode(onclick)).Append('"');
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

    /// <summary>
    /// ui/node ScriptAttributes as a script element. The browser checks the integrity against the file it loads and,
    /// with crossorigin, needs Kratos's CORS for the UI's origin; the nonce is the one the flow names.
    /// </summary>
    private static void Script(StringBuilder html, JsonObject attributes)
    {
        html.Append("<script data-testid=\"node/script/").Append(Html.Encode(Html.String(attributes, "id"))).Append('"');
        foreach (var name in new[] { "src", "type", "id", "integrity", "crossorigin", "referrerpolicy", "nonce" })
        {
            if (Html.String(attributes, name) is { } value)
            {
                html.Append(' ').Append(name).Append("=\"").Append(Html.Encode(value)).Append('"');
            }
        }

        if (Html.True(attributes, "async"))
        {
            html.Append(" async");
        }

        html.Append("></script>\n");
    }

    /// <summary>
    /// The click handler of a WebAuthn trigger: <c>onclickTrigger</c> names a function webauthn.js defines on window,
    /// called without arguments (it reads the options from the button's value); Kratos deprecated the eval'd
    /// <c>onclick</c> text for it (ui/node/attributes.go), so <c>onclick</c> is used only when a flow has no trigger.
    /// </summary>
    private static string? OnClick(JsonObject attributes)
    {
        if (Html.String(attributes, "onclickTrigger") is { } trigger && FunctionName().IsMatch(trigger))
        {
            return $"window.{trigger}()";
        }

        return Html.String(attributes, "onclick");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial System.Text.RegularExpressions.Regex FunctionName();
}
