using System.Text;

namespace Kratos.Double.Tests.Support;

/// <summary>kratos.yml texts for in-process doubles: the MFA profile of Kratos's e2e suite, reduced.</summary>
public static class DoubleConfigs
{
    public const string IdentitySchema = """
        {
          "$id": "https://example.com/identity.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string", "format": "email", "title": "E-Mail",
                  "ory.sh/kratos": {
                    "credentials": { "password": { "identifier": true }, "code": { "identifier": true, "via": "email" } },
                    "verification": { "via": "email" }, "recovery": { "via": "email" }
                  }
                }
              },
              "required": ["email"]
            }
          }
        }
        """;

    public const string SchemaWithoutCode = """
        {
          "type": "object",
          "properties": { "traits": { "type": "object", "properties": { "email": {
            "type": "string", "format": "email", "title": "E-Mail",
            "ory.sh/kratos": { "credentials": { "password": { "identifier": true } }, "verification": { "via": "email" } }
          } }, "required": ["email"] } }
        }
        """;

    /// <summary>
    /// The factors profile: TOTP and lookup secrets enabled (issuer "Kratos Double"), a settings UI URL, and
    /// <paramref name="settings"/> (lines indented by six spaces) under selfservice.flows.settings.
    /// </summary>
    public static string Factors(string settings = "", string? schema = null, bool code = true, string? extra = null)
    {
        var yaml = Yaml(extra, schema: schema ?? IdentitySchema);
        yaml = yaml.Replace("\n  methods:\n", "\n  methods:\n    totp:\n      enabled: true\n      config:\n        issuer: Kratos Double\n    lookup_secret:\n      enabled: true\n", StringComparison.Ordinal);
        yaml = yaml.Replace("      mfa_enabled: true", code ? "      mfa_enabled: true" : "      mfa_enabled: false", StringComparison.Ordinal);
        return yaml.Replace("\n    error:\n", "\n    settings:\n      ui_url: http://127.0.0.1:4455/settings\n" + settings + "    error:\n", StringComparison.Ordinal);
    }

    public static string Yaml(string? extra = null, string? smtp = null, string schema = IdentitySchema) => $"""
        dsn: memory
        selfservice:
          default_browser_return_url: http://127.0.0.1:4455/
          allowed_return_urls:
            - http://127.0.0.1:4455
          methods:
            password:
              enabled: true
            code:
              mfa_enabled: true
          flows:
            login:
              ui_url: http://127.0.0.1:4455/login
            error:
              ui_url: http://127.0.0.1:4455/error
        identity:
          default_schema_id: default
          schemas:
            - id: default
              url: base64://{Convert.ToBase64String(Encoding.UTF8.GetBytes(schema))}
        courier:
          smtp:
            connection_uri: {smtp ?? "smtp://127.0.0.1:1/?disable_starttls=true"}
            from_address: kratos-double@example.com
        {extra ?? string.Empty}
        """;
}
