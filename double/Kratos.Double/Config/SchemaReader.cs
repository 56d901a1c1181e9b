using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kratos.Double.Config;

/// <summary>Loads the identity schema from file://, base64:// or http(s):// like Kratos's schema loader.</summary>
internal static class SchemaReader
{
    public static async Task<IdentitySchema> ReadAsync(string url, CancellationToken cancellationToken)
    {
        const string key = "identity.schemas[].url";
        string text;
        try
        {
            if (url.StartsWith("base64://", StringComparison.Ordinal))
            {
                text = ConfigLoader.DecodeBase64(url["base64://".Length..]);
            }
            else if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
            {
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                text = await client.GetStringAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var path = url.StartsWith("file://", StringComparison.Ordinal) ? url["file://".Length..] : url;
                text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or HttpRequestException or TaskCanceledException)
        {
            throw KratosDoubleConfigException.For(key, $"the identity schema {url} could not be read ({e.Message})", "point it at a readable file:// path or a valid base64:// value");
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject obj
                ? IdentitySchema.From(obj)
                : throw KratosDoubleConfigException.For(key, $"the identity schema {url} is not a JSON object", "provide a JSON Schema object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw KratosDoubleConfigException.For(key, $"the identity schema {url} is not valid JSON ({e.Message})", "fix the schema file");
        }
    }
}
