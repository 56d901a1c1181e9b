using System.Text.Json;
using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// CreateIdentityBody → Identity, running the schema extensions (identity/extension_credentials.go: password and code
/// identifiers; identity/extension_verification.go: verifiable addresses, imported entries override derived ones).
/// </summary>
internal static class IdentityFactory
{
    public static Identity Create(Runtime rt, JsonObject body)
    {
        var schemaId = body["schema_id"]?.ToString() ?? rt.Config.SchemaId;
        if (schemaId != rt.Config.SchemaId)
        {
            throw KratosError.BadRequest($"Unable to find JSON Schema ID: {schemaId}");
        }

        if (body["traits"] is not JsonObject traits)
        {
            throw KratosError.BadRequest("I[#/traits] validation failed: traits must be an object");
        }

        foreach (var required in rt.Config.Schema.RequiredTraits)
        {
            if (traits[required] is null)
            {
                throw KratosError.BadRequest($"I[#/traits] S[#/properties/traits/required] missing properties: \"{required}\"");
            }
        }

        var identity = new Identity
        {
            SchemaId = schemaId,
            SchemaUrl = rt.Config.SchemaUrl,
            Traits = (JsonObject)traits.DeepClone(),
            State = body["state"]?.ToString() ?? "active",
            MetadataPublic = body["metadata_public"]?.DeepClone(),
            MetadataAdmin = body["metadata_admin"]?.DeepClone(),
            Password = body["credentials"]?["password"]?["config"]?["password"]?.ToString(),
        };
        foreach (var trait in rt.Config.Schema.Traits)
        {
            if (traits[trait.Name] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var value = v.GetValue<string>().Trim();
            if (trait.IsEmail)
            {
                value = value.ToLowerInvariant();
            }

            if (value.Length == 0)
            {
                continue;
            }

            if (trait.CodeIdentifier && trait.CodeVia == "sms")
            {
                // identity/extension_credentials.go: x.NormalizeIdentifier(value, "sms") stores E.164 or fails validation.
                value = PhoneNumbers.ToE164(value)
                    ?? throw KratosError.BadRequest($"I[#/traits/{trait.Name}] S[#/properties/traits/properties/{trait.Name}] the provided number is not a valid phone number");
            }

            if (trait.PasswordIdentifier)
            {
                identity.PasswordIdentifiers.Add(value.ToLowerInvariant());
            }

            if (trait.CodeIdentifier)
            {
                identity.CodeAddresses.Add((trait.CodeVia == "sms" ? "sms" : "email", value));
            }

            if (trait.VerificationVia is { } via)
            {
                identity.VerifiableAddresses.Add(new VerifiableAddress { Value = value, Via = via });
            }

            if (trait.RecoveryVia is { } rvia)
            {
                identity.RecoveryAddresses.Add((Guid.NewGuid(), value, rvia));
            }
        }

        ImportVerifiable(identity, body["verifiable_addresses"] as JsonArray);
        return identity;
    }

    private static void ImportVerifiable(Identity identity, JsonArray? imported)
    {
        foreach (var entry in imported ?? [])
        {
            var value = entry?["value"]?.ToString().Trim().ToLowerInvariant();
            var match = identity.VerifiableAddresses.FirstOrDefault(a => a.Value == value);
            if (match is null)
            {
                continue;
            }

            match.Verified = entry?["verified"]?.GetValueKind() == JsonValueKind.True;
            match.Status = entry?["status"]?.ToString() ?? (match.Verified ? "completed" : "pending");
            if (match.Verified)
            {
                match.VerifiedAt = DateTimeOffset.UtcNow;
            }
        }
    }
}
