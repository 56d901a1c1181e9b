using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kratos.Double.Config;

/// <summary>
/// Applies environment variables the way oryx/configx/koanf_env.go does: the key path upper-cased, dots (and
/// underscores inside names) normalised, arrays by index suffix or JSON value.
/// </summary>
internal static class EnvironmentOverrides
{
    // Keys the double reads; koanf matches any schema key, but only these change the double's behaviour.
    private static readonly string[] KnownPaths =
    [
        "dsn", "dev",
        "serve.public.base_url", "serve.public.port", "serve.public.host",
        "serve.admin.base_url", "serve.admin.port", "serve.admin.host",
        "selfservice.default_browser_return_url", "selfservice.allowed_return_urls",
        "selfservice.methods.code.enabled", "selfservice.methods.code.mfa_enabled",
        "selfservice.methods.code.passwordless_enabled", "selfservice.methods.code.config.lifespan",
        "selfservice.methods.code.config.max_submissions",
        "selfservice.methods.code.config.missing_credential_fallback_enabled",
        "selfservice.methods.password.enabled",
        "selfservice.flows.login.ui_url", "selfservice.flows.login.lifespan",
        "selfservice.flows.login.after.default_browser_return_url",
        "selfservice.flows.login.after.code.default_browser_return_url",
        "selfservice.flows.login.after.password.default_browser_return_url",
        "selfservice.flows.error.ui_url", "selfservice.flows.logout.after.default_browser_return_url",
        "session.whoami.required_aal", "session.lifespan", "session.cookie.name",
        "cookies.domain", "cookies.path", "cookies.same_site",
        "courier.smtp.connection_uri", "courier.smtp.from_address", "courier.smtp.from_name",
        "courier.smtp.local_name", "courier.message_retries", "courier.worker.pull_wait", "courier.worker.pull_count",
        "version",
        "identity.default_schema_id", "identity.schemas",
        "log.level", "log.format", "log.leak_sensitive_values",
    ];

    public static void Apply(JsonObject root, IDictionary<string, string> environment)
    {
        var byNormalised = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in environment)
        {
            byNormalised[Normalise(key)] = value;
        }

        foreach (var path in KnownPaths)
        {
            var name = Normalise(path);
            if (byNormalised.TryGetValue(name, out var value))
            {
                Set(root, path, ParseValue(path, value));
                continue;
            }

            var items = new JsonArray();
            for (var i = 0; byNormalised.TryGetValue(name + i, out var item); i++)
            {
                items.Add(YamlToJson.ParseLoose(item));
            }

            if (items.Count > 0)
            {
                Set(root, path, items);
            }
        }
    }

    private static string Normalise(string key) =>
        new(key.ToUpperInvariant().Where(c => c != '_' && c != '.').ToArray());

    private static JsonNode? ParseValue(string path, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
                throw KratosDoubleConfigException.For(path, $"the environment value '{value}' is not valid JSON", "pass a JSON array/object");
            }
        }

        return YamlToJson.ParseLoose(value);
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var current = root;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = [];
                current[part] = next;
            }

            current = next;
        }

        current[parts[^1]] = value;
    }
}
