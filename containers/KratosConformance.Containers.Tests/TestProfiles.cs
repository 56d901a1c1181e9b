namespace KratosConformance.Containers.Tests;

/// <summary>The smallest kratos.yml and identity schema the double (and real Kratos) accept for code MFA login.</summary>
internal static class TestProfiles
{
    public const string Config = """
        version: v1.3.0
        dsn: memory
        serve:
          public:
            base_url: http://127.0.0.1:4433/
          admin:
            base_url: http://127.0.0.1:4434/
        selfservice:
          default_browser_return_url: http://127.0.0.1:4455/
          flows:
            login:
              ui_url: http://127.0.0.1:4455/login
          methods:
            password:
              enabled: true
            code:
              mfa_enabled: true
        identity:
          default_schema_id: default
          schemas:
            - id: default
              url: file:///etc/config/kratos/identity.schema.json
        courier:
          smtp:
            connection_uri: smtp://mail:25/?disable_starttls=true
        """;

    public const string Schema = """
        {
          "$id": "https://example.org/identity.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Person",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string",
                  "format": "email",
                  "ory.sh/kratos": {
                    "credentials": {
                      "password": { "identifier": true },
                      "code": { "identifier": true, "via": "email" }
                    },
                    "verification": { "via": "email" }
                  }
                }
              },
              "required": ["email"]
            }
          }
        }
        """;

    public static KratosStackOptions Options(string kratosImage, string mailImage, params string[] profiles) => new()
    {
        KratosImage = kratosImage,
        MailImage = mailImage,
        Profiles = [.. profiles.Select(p => new KratosProfile(p, Config, Schema))],
    };
}
