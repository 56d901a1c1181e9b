using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KratosConformance.Client.Sms;

/// <summary>
/// What the reader reads from a gateway request whatever the team's body template: the body as JSON (or form fields),
/// whether it is addressed to a phone number (the number appears as a value, or in the text), and the code
/// (factors spec §10.3: <c>ctx.template_data.login_code</c>; §10.4: "Your login code is: …").
/// </summary>
public static partial class SmsContent
{
    public static JsonNode? Parse(string body, string? contentType)
    {
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = new JsonObject();
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                form[Decode(kv[0])] = kv.Length > 1 ? Decode(kv[1]) : string.Empty;
            }

            return form;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the request is for <paramref name="phone"/>: a string value equal to it, else the raw body contains it.</summary>
    public static bool IsFor(JsonNode? parsed, string body, string phone) =>
        Strings(parsed).Any(s => string.Equals(s, phone, StringComparison.Ordinal)) || body.Contains(phone, StringComparison.Ordinal);

    public static string? Code(JsonNode? parsed, string body)
    {
        if (Find(parsed, "login_code") is { } code && code.Length > 0)
        {
            return code;
        }

        foreach (var text in Strings(parsed).Append(body))
        {
            if (CodeText().Match(text) is { Success: true } m)
            {
                return m.Groups[1].Value;
            }
        }

        return null;
    }

    private static string? Find(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.Select(p => p.Key == name && p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Find(p.Value, name)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(n => Find(n, name)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    [GeneratedRegex(@"Your login code is: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeText();
}
