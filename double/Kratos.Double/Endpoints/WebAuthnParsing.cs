using System.Text.Json;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// What go-webauthn v0.11.2 (the library of Kratos v1.3.1, v25.4.0 and v26.2.0) checks before or instead of the
/// cryptography, where its answer differs from Fido2's: the collected client data of a registration (its error details
/// end up in Kratos's 500 reason) and the parse of an assertion's authenticator data (a parse error is Kratos's 4000001).
/// </summary>
internal static class WebAuthnParsing
{
    /// <summary>
    /// go-webauthn v0.11.2 CollectedClientData.Verify, in its order, with its details (what Kratos puts after "Unable to
    /// create WebAuthn credential: "): the ceremony type, the challenge (the session's base64url text), the origin among
    /// rp.origins; null when all hold. The challenge and origin deviations skip their check, as they do in Fido2.
    /// </summary>
    public static string? ClientDataRefusal(Runtime rt, byte[] clientDataJson, string ceremony, string storedChallenge)
    {
        if (ClientData(clientDataJson) is not { } data)
        {
            return null;
        }

        if (Text(data, "type") != ceremony)
        {
            return "Error validating ceremony type";
        }

        if (!rt.Has(DeviationNames.WebAuthnChallengeNotChecked) && Text(data, "challenge") != storedChallenge)
        {
            return "Error validating challenge";
        }

        if (!Uri.TryCreate(Text(data, "origin"), UriKind.Absolute, out var origin))
        {
            return "Error decoding clientData origin as URL";
        }

        // FullyQualifiedOrigin: scheme://host[:port] of the claimed origin, compared case-insensitively.
        var qualified = origin.GetLeftPart(UriPartial.Authority);
        return rt.Has(DeviationNames.WebAuthnOriginNotChecked) || rt.Config.WebAuthn.Origins.Any(o => string.Equals(o.TrimEnd('/'), qualified, StringComparison.OrdinalIgnoreCase))
            ? null
            : "Error validating origin";
    }

    /// <summary>
    /// go-webauthn v0.11.2 AuthenticatorData.Unmarshal for an assertion: at least 37 bytes; with attested credential data
    /// (flag 0x40) more than 55; without it exactly 37 unless extensions (flag 0x80) follow; extensions flagged must be
    /// there. Attested data inside an assertion is left to the verification.
    /// </summary>
    public static bool AuthenticatorDataParses(byte[] data)
    {
        const int Minimum = 37;
        if (data.Length < Minimum)
        {
            return false;
        }

        var flags = data[32];
        bool attested = (flags & 0x40) != 0, extensions = (flags & 0x80) != 0;
        if (attested)
        {
            return data.Length > 55;
        }

        return extensions ? data.Length > Minimum : data.Length == Minimum;
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;


    public static JsonObject? ClientData(byte[] clientDataJson)
    {
        try
        {
            return JsonNode.Parse(clientDataJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
