using System.Text.Json;
using System.Text.Json.Nodes;
using KratosConformance.Cli.Errors;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// The identity schema must give identities a code credential when the config uses the code method: a trait marked
/// "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "email"}}} (identity/extension_credentials.go;
/// spec §5.3). Without one, Kratos never offers the code and every test fails at the same step with the schema never
/// named.
/// </summary>
public static class IdentitySchemaCheck
{
    private const string Fix = "mark the email trait as a code identifier: \"ory.sh/kratos\": {\"credentials\": {\"code\": {\"identifier\": true, \"via\": \"email\"}}} (see fixtures/profiles/base/identity.schema.json)";

    public static JsonNode ParseOrThrow(string schemaFile)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(schemaFile), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new CliException($"--schema {schemaFile}: the file holds JSON null; give an identity schema.");
        }
        catch (JsonException e)
        {
            throw new CliException($"--schema {schemaFile}: not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {e.Message.Split('.')[0]}. Fix the file, then run again.");
        }
    }

    public static void Check(string schemaFile, JsonNode? config)
    {
        var code = config?["selfservice"]?["methods"]?["code"];
        var usesCode = ConfigCheck.IsTrue(code?["enabled"]) && (ConfigCheck.IsTrue(code?["mfa_enabled"]) || ConfigCheck.IsTrue(code?["passwordless_enabled"]));
        if (!usesCode)
        {
            return; // nothing sends a code: the suites report what that means, test by test
        }

        var schema = ParseOrThrow(schemaFile);
        if (!CodeIdentifiers(schema).Any())
        {
            var what = ConfigCheck.IsTrue(code?["mfa_enabled"]) ? "code MFA (selfservice.methods.code.mfa_enabled)" : "passwordless code";
            throw new CliException($"--schema {schemaFile}: no trait is a code identifier, so {what} can never send a code to anyone. Fix: {Fix}.");
        }
    }

    /// <summary>Traits marked credentials.code.identifier: true, with a via of email or none (v1.3+ derives it from format).</summary>
    public static IEnumerable<string> CodeIdentifiers(JsonNode schema)
    {
        if (schema?["properties"]?["traits"]?["properties"] is not JsonObject traits)
        {
            yield break;
        }

        foreach (var (name, trait) in traits)
        {
            var codeCredential = trait?["ory.sh/kratos"]?["credentials"]?["code"];
            var via = codeCredential?["via"]?.GetValueKind() == JsonValueKind.String ? codeCredential!["via"]!.GetValue<string>() : "email";
            if (ConfigCheck.IsTrue(codeCredential?["identifier"]) && via == "email")
            {
                yield return name;
            }
        }
    }
}
