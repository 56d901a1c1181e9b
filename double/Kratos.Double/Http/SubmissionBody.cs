using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// A decoded form or JSON body (Kratos decodes both with x/decoderx against the method's JSON schema, e.g.
/// selfservice/strategy/code/.schema/login.schema.json, so unknown fields and malformed bodies are 400s).
/// </summary>
internal sealed class SubmissionBody
{
    private readonly Dictionary<string, string> _values;

    private SubmissionBody(Dictionary<string, string> values) => _values = values;

    public string? this[string key] => _values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The decoded values as a JSON object (kept to replay a paused submission).</summary>
    public JsonObject ToJson() => new(_values.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value)));

    /// <summary>A body from values kept earlier (<see cref="ToJson"/>).</summary>
    public static SubmissionBody From(JsonObject values) =>
        new(values.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal));

    public static async Task<SubmissionBody> ReadAsync(HttpRequest request, IReadOnlySet<string> allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var contentType = request.ContentType ?? string.Empty;
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            JsonNode? node;
            try
            {
                node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
            catch (JsonException e)
            {
                throw KratosError.BadRequest($"Unable to decode JSON payload: {e.Message}");
            }

            if (node is not JsonObject obj)
            // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
            {
                throw KratosError.BadRequest("Unable to decode JSON payload: the body must be a JSON object.");
            }

            foreach (var (key, value) in obj)
            {
                values[key] = value switch
                {
                    // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
                    null => string.Empty,
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    _ => value.ToJsonString(),
                };
            }
        }
        else if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                 || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                throw KratosError.BadRequest($"Unable to parse HTTP form request: {e.Message}");
            }

            // A repeated field (the hidden method=code node plus the Continue button of the same name, as Ory's UIs
            // post it) keeps its first value: ory/x decoderx/http.go decodeForm reads only the first.
            foreach (var (key, value) in form)
            {
                values[key] = value.Count > 0 ? value[0] ?? string.Empty : string.Empty;
            }
        }
        // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            throw KratosError.BadRequest($"Unable to decode body because HTTP Request Content-Type \"{contentType}\" is unknown.");
        }

        foreach (var key in values.Keys)
        {
            if (!allowed.Contains(key))
            {
                // Stryker disable once all : out of scope, by kind: malformed request bodies (docs/mutation-survivors.md)
                throw KratosError.BadRequest($"json: unknown field \"{key}\"");
            }
        }

        return new SubmissionBody(values);
    }
}
