using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kratos.Double.Courier.Jsonnet;
using static Kratos.Double.Config.ConfigLoader;

namespace Kratos.Double.Config;

/// <summary>
/// Reads <c>courier.channels</c> and refuses what Kratos's config schema refuses (id other than <c>sms</c>, a type other
/// than <c>http</c>, a url not matching <c>^https?://</c>, a body URI of another scheme, unknown auth types), plus the
/// double's own limit: a body template it can not evaluate (not base64:// or file://, or outside the Jsonnet subset of
/// <see cref="JsonnetException.Subset"/>) is a config error naming the key, where Kratos would fail each dispatch.
/// </summary>
internal static partial class CourierChannelReader
{
    private static readonly ConcurrentDictionary<string, JsonnetTemplate> Templates = new(StringComparer.Ordinal);

    public static IReadOnlyList<CourierChannel> Read(JsonObject root)
    {
        if (Get(root, "courier.channels") is not JsonArray channels)
        {
            return [];
        }

        var result = new List<CourierChannel>();
        for (var k = 0; k < channels.Count; k++)
        {
            var key = $"courier.channels[{k}]";
            if (channels[k] is not JsonObject channel)
            {
                throw KratosDoubleConfigException.For(key, "must be an object", "give id: sms, type: http and request_config");
            }

            var id = Str(channel, "id") ?? throw KratosDoubleConfigException.For(key + ".id", "the required key is missing", "set id: sms");
            if (id != "sms")
            {
                throw KratosDoubleConfigException.For(key + ".id", $"value '{id}' must be one of [sms]", "use id: sms (the only channel Kratos supports)");
            }

            var type = Str(channel, "type");
            if (type is not null and not "http")
            {
                throw KratosDoubleConfigException.For(key + ".type", $"value '{type}' must be one of [http]", "use type: http");
            }

            if (channel["request_config"] is not JsonObject request)
            {
                throw KratosDoubleConfigException.For(key + ".request_config", "the required key is missing", "give request_config with url, method and body");
            }

            var url = Str(request, "url") ?? string.Empty;
            if (!HttpUrl().IsMatch(url))
            {
                throw KratosDoubleConfigException.For(key + ".request_config.url", $"value '{url}' does not match ^https?://", "give the SMS gateway's http(s) URL");
            }

            var body = Str(request, "body");
            result.Add(new CourierChannel
            {
                Id = id,
                Type = type,
                Url = url,
                Method = Str(request, "method") ?? "POST",
                Headers = (request["headers"] as JsonObject)?.Select(h => (h.Key, h.Value?.ToString() ?? string.Empty)).ToList() ?? [],
                BodyUri = body,
                Template = body is null ? null : Template(key + ".request_config.body", body),
                Auth = Auth(key + ".request_config.auth", request["auth"] as JsonObject),
            });
        }

        return result;
    }

    private static JsonnetTemplate Template(string key, string uri)
    {
        if (!BodyUri().IsMatch(uri))
        {
            throw KratosDoubleConfigException.For(key, $"value '{uri}' does not match ^(http|https|file|base64)://", "give base64://<jsonnet> or file:///path/body.jsonnet");
        }

        if (Templates.TryGetValue(uri, out var cached))
        {
            return cached;
        }

        string source;
        if (uri.StartsWith("base64://", StringComparison.Ordinal))
        {
            try
            {
                source = DecodeBase64(uri["base64://".Length..]);
            }
            catch (FormatException)
            {
                throw KratosDoubleConfigException.For(key, "the base64:// body is not valid base64", "encode the Jsonnet template with base64 (standard alphabet, with padding)");
            }
        }
        else if (uri.StartsWith("file://", StringComparison.Ordinal))
        {
            var path = uri["file://".Length..];
            try
            {
                source = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw KratosDoubleConfigException.For(key, $"the template {path} can not be read ({e.Message})", "point body at a readable file:// path");
            }
        }
        else
        {
            throw KratosDoubleConfigException.For(
                key, "the double reads body templates from base64:// and file:// only (Kratos also fetches http(s)://)", "inline the template as base64://… or copy it next to kratos.yml as file://");
        }

        try
        {
            return Templates.GetOrAdd(uri, JsonnetTemplate.Parse(source));
        }
        catch (JsonnetException e)
        {
            throw KratosDoubleConfigException.For(key, "the Jsonnet template can not be evaluated by the double: " + e.Message, "write the template within the supported subset (README: SMS login codes)");
        }
    }

    private static CourierChannelAuth? Auth(string key, JsonObject? auth)
    {
        if (auth is null)
        {
            return null;
        }

        var type = Str(auth, "type");
        return type switch
        {
            "basic_auth" => new CourierChannelAuth(type, Str(auth, "config.user"), Str(auth, "config.password"), null, null, null),
            "api_key" => new CourierChannelAuth(type, null, null, Str(auth, "config.name"), Str(auth, "config.value"), Str(auth, "config.in") ?? "header"),
            _ => throw KratosDoubleConfigException.For(key + ".type", $"value '{type}' must be one of [api_key, basic_auth]", "use basic_auth or api_key"),
        };
    }

    [GeneratedRegex("^https?://")]
    private static partial Regex HttpUrl();

    [GeneratedRegex("^(http|https|file|base64)://")]
    private static partial Regex BodyUri();
}
