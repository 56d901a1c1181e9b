using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>
/// The few HTML primitives the pages share. Everything that comes from Kratos (labels carry the user's address,
/// error reasons echo input) goes through <see cref="Encode"/>: the reference UI must never be the XSS under test.
/// </summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A JSON scalar as form value text: strings unquoted, numbers and booleans as JSON writes them.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static string? String(JsonObject? obj, string name) => ScalarText(obj?[name]);

    public static bool True(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>One ui.messages / node message: the test id is what Ory's reference UI uses, so selectors carry over.</summary>
    public static void Message(StringBuilder html, JsonObject? message)
    {
        if (message is null)
        {
            return;
        }

        var id = String(message, "id") ?? "unknown";
        var type = String(message, "type") ?? "info";
        html.Append("<p class=\"message message-").Append(Encode(type))
            .Append("\" data-testid=\"ui/message/").Append(Encode(id))
            .Append("\" data-message-type=\"").Append(Encode(type)).Append("\">")
            .Append(Encode(String(message, "text"))).Append("</p>\n");
    }

    public static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Encode(title)
        + "</title>\n<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}form{border:1px solid #ccc;padding:1em;margin:1em 0}"
        + "label{display:block;margin:.5em 0}.message-error{color:#b00}pre{white-space:pre-wrap;word-break:break-all}</style>\n"
        + "</head>\n<body>\n" + body + "</body>\n</html>\n";
}
