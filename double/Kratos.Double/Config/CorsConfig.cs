using System.Text.Json.Nodes;

namespace Kratos.Double.Config;

/// <summary>
/// serve.public.cors as Kratos reads it (driver/config/config.go CORSPublic → oryx/configx cors.go): every key falls
/// back to embedx/config.schema.json's default, which configx loads before the file (koanf_schema_defaults.go), so the
/// code defaults in CORSPublic never apply. The defaults are the same at v1.3.1, v25.4.0 and v26.2.0.
/// </summary>
internal sealed record CorsConfig
{
    public bool Enabled { get; init; }
    public IReadOnlyList<string> AllowedOrigins { get; init; } = ["*"];
    public IReadOnlyList<string> AllowedMethods { get; init; } = ["POST", "GET", "PUT", "PATCH", "DELETE"];
    public IReadOnlyList<string> AllowedHeaders { get; init; } = ["Authorization", "Content-Type", "Max-Age", "X-Session-Token", "X-XSRF-TOKEN", "X-CSRF-TOKEN"];
    public IReadOnlyList<string> ExposedHeaders { get; init; } = ["Content-Type"];
    public bool AllowCredentials { get; init; } = true;
    public bool OptionsPassthrough { get; init; }
    public int MaxAge { get; init; }
    public bool Debug { get; init; }

    public static CorsConfig From(JsonObject root)
    {
        const string P = "serve.public.cors.";
        var defaults = new CorsConfig();
        return new CorsConfig
        {
            Enabled = ConfigLoader.Bool(root, P + "enabled") ?? false,
            AllowedOrigins = Strings(root, P + "allowed_origins") ?? defaults.AllowedOrigins,
            AllowedMethods = Strings(root, P + "allowed_methods") ?? defaults.AllowedMethods,
            AllowedHeaders = Strings(root, P + "allowed_headers") ?? defaults.AllowedHeaders,
            ExposedHeaders = Strings(root, P + "exposed_headers") ?? defaults.ExposedHeaders,
            AllowCredentials = ConfigLoader.Bool(root, P + "allow_credentials") ?? true,
            OptionsPassthrough = ConfigLoader.Bool(root, P + "options_passthrough") ?? false,
            MaxAge = ConfigLoader.Get(root, P + "max_age") is { } age ? (int)ConfigLoader.Number(age) : 0,
            Debug = ConfigLoader.Bool(root, P + "debug") ?? false,
        };
    }

    /// <summary>The schema's checks on serve.public.cors that Kratos refuses to start with.</summary>
    public static void Validate(JsonObject root)
    {
        const string Key = "serve.public.cors.allowed_origins";
        foreach (var origin in Strings(root, Key) ?? [])
        {
            if (origin.Length == 0 || origin.Count(c => c == '*') > 1)
            {
                throw KratosDoubleConfigException.For(Key, $"origin '{origin}' must be non-empty and hold at most one wildcard (*)", "write origins like https://app.example.com or https://*.example.com");
            }
        }

        string[] methods = ["POST", "GET", "PUT", "PATCH", "DELETE", "CONNECT", "HEAD", "OPTIONS", "TRACE"];
        foreach (var method in Strings(root, "serve.public.cors.allowed_methods") ?? [])
        {
            if (!methods.Contains(method, StringComparer.Ordinal))
            {
                throw KratosDoubleConfigException.For("serve.public.cors.allowed_methods", $"value '{method}' must be one of {string.Join(", ", methods)}", "use upper-case HTTP method names");
            }
        }

        if (ConfigLoader.Get(root, "serve.public.cors.max_age") is { } age && ConfigLoader.Number(age) < 0)
        {
            throw KratosDoubleConfigException.For("serve.public.cors.max_age", $"value {age.ToJsonString()} must be >= 0", "use 0 (no caching) or a number of seconds");
        }
    }

    private static List<string>? Strings(JsonObject root, string key) =>
        (ConfigLoader.Get(root, key) as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToList();
}
