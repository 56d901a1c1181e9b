using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kratos.Double.Config;

/// <summary>
/// Reads kratos.yml + environment the way Kratos does (driver/config/config.go) and refuses what Kratos refuses
/// (embedx/config.schema.json); unknown keys are ignored.
/// </summary>
internal static class ConfigLoader
{
    public static async Task<(JsonObject Root, IdentitySchema Schema, string SchemaId, string SchemaUrl)> LoadAsync(
        ServeSettings options, CancellationToken cancellationToken)
    {
        var root = await ReadAsync(options, cancellationToken).ConfigureAwait(false);
        ValidateRequired(root);
        ValidateCodeMethod(root);
        CorsConfig.Validate(root);
        CourierChannelReader.Read(root);
        var (schemaId, schemaUrl) = DefaultSchema(root);
        var schema = await SchemaReader.ReadAsync(schemaUrl, cancellationToken).ConfigureAwait(false);
        return (root, schema, schemaId, schemaUrl);
    }

    /// <summary>
    /// The config files (later ones override earlier ones, oryx/configx) or the in-process text, then environment
    /// overrides; not validated (migrate sql -e reads only the dsn: configx.SkipValidation).
    /// </summary>
    public static async Task<JsonObject> ReadAsync(ServeSettings options, CancellationToken cancellationToken)
    {
        var root = new JsonObject();
        if (options.ConfigYaml is { } text)
        {
            Merge(root, YamlToJson.Parse(text));
        }
        else
        {
            foreach (var file in options.ConfigFiles)
            {
                string yaml;
                try
                {
                    yaml = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw KratosDoubleConfigException.For("-c", $"the config file {file} could not be read ({e.Message})", "pass a readable kratos.yml with -c");
                }

                Merge(root, YamlToJson.Parse(yaml));
            }
        }

        EnvironmentOverrides.Apply(root, options.Environment);
        return root;
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void ValidateRequired(JsonObject root)
    {
        if (Str(root, "dsn") is null)
        {
            throw KratosDoubleConfigException.For("dsn", "the required key is missing", "set dsn: memory (or env DSN=memory)");
        }

        if (Str(root, "selfservice.default_browser_return_url") is null)
        {
            throw KratosDoubleConfigException.For(
                "selfservice.default_browser_return_url", "the required key is missing", "set it to your application's URL, e.g. http://127.0.0.1:4455/");
        }

        if (Get(root, "identity.schemas") is not JsonArray { Count: > 0 })
        {
            throw KratosDoubleConfigException.For(
                "identity.schemas", "the required key is missing or empty", "add identity.schemas: [{id: default, url: file:///path/identity.schema.json}]");
        }

        foreach (var aalKey in new[] { "session.whoami.required_aal", "selfservice.flows.settings.required_aal" })
        {
            var aal = Str(root, aalKey);
            if (aal is not null and not ("aal1" or "highest_available"))
            {
                throw KratosDoubleConfigException.For(aalKey, $"value '{aal}' must be one of aal1, highest_available", "use aal1 or highest_available");
            }
        }

        foreach (var key in new[]
        {
            "selfservice.methods.code.config.lifespan", "selfservice.flows.login.lifespan", "session.lifespan", "courier.worker.pull_wait",
            "selfservice.flows.settings.lifespan", "selfservice.flows.settings.privileged_session_max_age",
        })
        {
            if (Str(root, key) is { } d && !DurationParser.TryParse(d, out _))
            {
                throw KratosDoubleConfigException.For(key, $"value '{d}' does not match ^([0-9]+(ns|us|ms|s|m|h))+$", "use a Go duration such as 15m or 1h");
            }
        }
    }

    private static void ValidateCodeMethod(JsonObject root)
    {
        // embedx/config.schema.json: anyOf forbids passwordless_enabled and mfa_enabled both true.
        if (Bool(root, "selfservice.methods.code.mfa_enabled") == true && Bool(root, "selfservice.methods.code.passwordless_enabled") == true)
        {
            throw KratosDoubleConfigException.For(
                "selfservice.methods.code.mfa_enabled",
                "mfa_enabled and passwordless_enabled can not both be true",
                "set selfservice.methods.code.passwordless_enabled: false to use the code as a second factor");
        }

        if (Get(root, "selfservice.methods.code.config.max_submissions") is { } node
            && (node.GetValueKind() != JsonValueKind.Number || Number(node) is < 1 or > 255 || Number(node) % 1 != 0))
        {
            throw KratosDoubleConfigException.For(
                "selfservice.methods.code.config.max_submissions", $"value {node.ToJsonString()} must be an integer from 1 to 255", "use a value such as 5");
        }
    }

    private static (string Id, string Url) DefaultSchema(JsonObject root)
    {
        var id = Str(root, "identity.default_schema_id") ?? "default";
        foreach (var s in (JsonArray)Get(root, "identity.schemas")!)
        {
            if (s?["id"]?.ToString() == id)
            {
                return (id, s["url"]?.ToString() ?? throw KratosDoubleConfigException.For($"identity.schemas[{id}].url", "the url is missing", "set url: file:///… or base64://…"));
            }
        }

        throw KratosDoubleConfigException.For("identity.default_schema_id", $"no schema with id '{id}' in identity.schemas", "add a schema with that id or change default_schema_id");
    }

    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? current = root;
        foreach (var part in path.Split('.'))
        {
            current = (current as JsonObject)?[part];
        }

        return current;
    }

    public static string? Str(JsonObject root, string path) => Get(root, path) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static bool? Bool(JsonObject root, string path)
    {
        var node = Get(root, path);
        return node?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(node.GetValue<string>(), out var b) ? b : null,
            _ => null,
        };
    }

    public static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    internal static string DecodeBase64(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(text));
}
