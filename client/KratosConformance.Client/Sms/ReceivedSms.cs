using System.Text.Json.Nodes;

namespace KratosConformance.Client.Sms;

/// <summary>
/// One request Kratos's courier sent to the SMS gateway, as the sink listed it: the wire (method, path, headers, body)
/// and what the reader found in it (the JSON or form body parsed, the SMS text, the code).
/// </summary>
public sealed record ReceivedSms
{
    public required long Id { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required string Body { get; init; }

    /// <summary>The body parsed as JSON (application/json), or a flat object of the form fields; null for other bodies.</summary>
    public JsonNode? Parsed { get; init; }

    /// <summary>The login code: a <c>login_code</c> field anywhere in the body, else the digits after "Your login code is:".</summary>
    public string? Code { get; init; }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The value at a dotted path of <see cref="Parsed"/> (e.g. ctx.template_data.login_code), or null.</summary>
    public JsonNode? At(string path)
    {
        var node = Parsed;
        foreach (var part in path.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    public override string ToString() => $"#{Id} {Method} {Path} ({Body.Length} bytes)";
}
