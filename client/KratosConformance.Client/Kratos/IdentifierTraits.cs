using System.Text.Json;
using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// A trait that names the identifier input of a password login form (selfservice/flow/login/extension_identifier_label.go):
/// its path as Kratos names it (<c>traits.email</c>) and its schema title (null without one).
/// </summary>
public sealed record IdentifierTrait(string Path, string? Title);

/// <summary>
/// The traits of an identity schema that Kratos's <c>GetIdentifierLabelFromSchema</c> considers: every property whose
/// <c>ory.sh/kratos</c> extension makes it a password, WebAuthn or code identifier, a passkey display name or a TOTP
/// account name.
/// </summary>
public static class IdentifierTraits
{
    /// <summary>
    /// The identifier traits of <paramref name="schemaJson"/>, in schema order; null when they can not be told without
    /// resolving references (a <c>$ref</c> under <c>traits</c>) or the text is not a JSON schema object.
    /// </summary>
    public static IReadOnlyList<IdentifierTrait>? Read(string schemaJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(schemaJson);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root?["properties"]?["traits"] is not JsonObject traits)
        {
            return null;
        }

        var found = new List<IdentifierTrait>();
        return Walk(traits, "traits", found) ? found : null;
    }

    // False when a $ref hides part of the tree (Kratos resolves it; we do not guess).
    private static bool Walk(JsonObject node, string path, List<IdentifierTrait> found)
    {
        if (node.ContainsKey("$ref"))
        {
            return false;
        }

        if (node["ory.sh/kratos"]?["credentials"] is JsonObject credentials && Names(credentials))
        {
            found.Add(new IdentifierTrait(path, node["title"] is JsonValue title && title.TryGetValue<string>(out var text) ? text : null));
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject property && !Walk(property, path + "." + name, found))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Names(JsonObject c) =>
        True(c["password"]?["identifier"]) || True(c["webauthn"]?["identifier"]) || True(c["passkey"]?["display_name"])
        || True(c["totp"]?["account_name"]) || True(c["code"]?["identifier"]);

    private static bool True(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
