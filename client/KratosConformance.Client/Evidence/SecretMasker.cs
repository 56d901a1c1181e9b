using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KratosConformance.Client.Evidence;

/// <summary>
/// Redacts secrets from anything the harness writes to disk (style principle 6, like MailKit's
/// <c>ProtocolLogger.RedactSecrets</c>): session tokens (<c>ory_st_…</c>, <c>X-Session-Token</c>, <c>session_token</c>),
/// cookie values, CSRF tokens (form fields, JSON fields, <c>csrf_token</c> node values), passwords and
/// <c>Authorization</c> values. Login codes are NOT secrets here: they are the evidence a conformance report is about.
/// A masked value reads <c>***</c> plus four hex digits of its SHA-256, so two occurrences of one secret can be
/// correlated across steps without revealing it. With <c>reveal</c> everything is written as is.
/// </summary>
public sealed partial class SecretMasker
{
    private const string Marker = "***";
    private static readonly string[] SecretFields = ["csrf_token", "password", "session_token"];
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public SecretMasker(bool reveal)
    {
        Reveal = reveal;
    }

    /// <summary>True when secrets are written as is (<c>--reveal-secrets</c>).</summary>
    public bool Reveal { get; }

    /// <summary>
    /// Masks every secret found in <paramref name="text"/>: a JSON document, a form body, header lines or a whole
    /// transcript. Secret values seen in JSON (e.g. a csrf_token node value) are remembered, so the same value is
    /// masked wherever it shows up later, also in plain text.
    /// </summary>
    public string Mask(string text)
    {
        if (Reveal || string.IsNullOrEmpty(text))
        {
            return text;
        }

        LearnFromJson(text);
        var masked = text;
        foreach (var secret in _known.Keys.OrderByDescending(k => k.Length))
        {
            masked = masked.Replace(secret, _known[secret], StringComparison.Ordinal);
        }

        masked = HeaderLine().Replace(masked, m => m.Groups["name"].Value + m.Groups["sep"].Value + MaskHeader(m.Groups["name"].Value, m.Groups["value"].Value));
        masked = JsonField().Replace(masked, m => m.Groups["head"].Value + MaskValue(m.Groups["value"].Value) + "\"");
        masked = FormField().Replace(masked, m => m.Groups["head"].Value + MaskValue(m.Groups["value"].Value));
        masked = OryToken().Replace(masked, m => MaskValue(m.Value));
        return masked;
    }

    /// <summary>Masks the value of one HTTP header: whole value for tokens, each cookie value for Cookie/Set-Cookie.</summary>
    public string MaskHeader(string name, string value)
    {
        if (Reveal || string.IsNullOrEmpty(value))
        {
            return value;
        }

        switch (name.ToLowerInvariant())
        {
            case "cookie":
                return string.Join("; ", value.Split(';', StringSplitOptions.TrimEntries).Select(MaskCookiePair));
            case "set-cookie":
                var parts = value.Split(';');
                parts[0] = MaskCookiePair(parts[0]);
                return string.Join(';', parts);
            case "x-session-token":
                return MaskValue(value.Trim());
            case "authorization":
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                return space > 0 ? value[..(space + 1)] + MaskValue(value[(space + 1)..].Trim()) : MaskValue(value);
            default:
                return Mask(value);
        }
    }

    /// <summary>Masks one secret value and remembers it, so later occurrences in any text are masked the same way.</summary>
    public string MaskValue(string value)
    {
        if (Reveal || string.IsNullOrEmpty(value) || value.StartsWith(Marker, StringComparison.Ordinal))
        {
            return value;
        }

        var masked = Marker + Hash(value);
        if (value.Length >= 8)
        {
            _known.TryAdd(value, masked);
        }

        return masked;
    }

    /// <summary>The stable short hash a masked value ends with; tests and reports use it to correlate occurrences.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..4];

    private string MaskCookiePair(string pair)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? pair : pair[..(eq + 1)] + MaskValue(pair[(eq + 1)..]);
    }

    private void LearnFromJson(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return;
        }

        try
        {
            Learn(JsonNode.Parse(text));
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON after all; the text patterns still apply.
        }
    }

    private void Learn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // A ui node: {"attributes":{"name":"csrf_token","value":"…"}} or a password input with a value.
                if (obj["name"] is JsonValue name && name.TryGetValue<string>(out var n) && IsSecretField(n)
                    && obj["value"] is JsonValue v && v.TryGetValue<string>(out var nodeValue))
                {
                    MaskValue(nodeValue);
                }

                foreach (var (key, child) in obj)
                {
                    if (IsSecretField(key) && child is JsonValue sv && sv.TryGetValue<string>(out var s))
                    {
                        MaskValue(s);
                    }

                    Learn(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Learn(item);
                }

                break;
        }
    }

    private static bool IsSecretField(string name) => SecretFields.Contains(name, StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<name>Cookie|Set-Cookie|X-Session-Token|Authorization)(?<sep>:[ \t]*)(?<value>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex("(?<head>\"(?:csrf_token|password|session_token)\"\\s*:\\s*\")(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex JsonField();

    [GeneratedRegex(@"(?<head>(?:^|[&?\s])(?:csrf_token|password|session_token)=)(?<value>[^&\s]*)", RegexOptions.Multiline)]
    private static partial Regex FormField();

    [GeneratedRegex(@"ory_(?:st|ht|at|rt)_[A-Za-z0-9_\-]+")]
    private static partial Regex OryToken();
}
