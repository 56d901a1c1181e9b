using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// Verifies what the browser's authenticator returned, with the Fido2 library, as go-webauthn v0.11.2 does for Kratos
/// (factors spec §5.4, §5.5): clientDataJSON type, challenge and origin (case-insensitive, one of rp origins), the RP-ID
/// hash, the user-present flag (user verification not required), the attestation ("none" included) or the signature
/// with the stored COSE key, the returned key among the allowed ones, a non-empty user handle equal to the stored one,
/// the backup-eligible flag equal to the stored one. The sign counter is neither enforced nor persisted. Deviations
/// switch single checks off (origin, challenge) or on (counter).
/// </summary>
internal static class WebAuthnVerifier
{
    /// <summary>The body is no WebAuthn response (JSON, id, type, the binary members); <see cref="Exception.Message"/> is go-webauthn's detail.</summary>
    public sealed class ParseException(string message) : Exception(message);

    /// <summary>A well-formed response that failed verification; the message names the check.</summary>
    public sealed class VerificationException(string message) : Exception(message);

    public static async Task<WebAuthnKey> RegisterAsync(Runtime rt, JsonObject session, string body, string displayName, CancellationToken ct)
    {
        var json = Parse(body, "Registration");
        var response = json["response"] as JsonObject ?? throw new ParseException("Parse error for Registration");
        var raw = new AuthenticatorAttestationRawResponse
        {
            Id = Id(json, "Registration"),
            RawId = Bytes(json, "rawId", "Registration"),
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAttestationRawResponse.AttestationResponse
            {
                AttestationObject = Bytes(response, "attestationObject", "Registration"),
                ClientDataJson = Bytes(response, "clientDataJSON", "Registration"),
                Transports = [],
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        var challenge = Base64Url.DecodeFromChars(session["challenge"]!.GetValue<string>());
        if (WebAuthnParsing.ClientDataRefusal(rt, raw.Response.ClientDataJson, "webauthn.create", session["challenge"]!.GetValue<string>()) is { } refusal)
        {
            throw new VerificationException(refusal);
        }

        var userId = Convert.FromBase64String(session["user_id"]!.GetValue<string>());
        var config = rt.Config.WebAuthn;
        var options = new CredentialCreateOptions
        {
            Rp = new PublicKeyCredentialRpEntity(config.RpId, config.DisplayName),
            User = new Fido2User { Id = userId, Name = config.DisplayName, DisplayName = config.DisplayName },
            Challenge = ExpectedChallenge(rt, raw.Response.ClientDataJson, challenge),
            PubKeyCredParams = [.. WebAuthnCeremony.Algorithms.Select(a => new PubKeyCredParam((COSE.Algorithm)a))],
            Timeout = WebAuthnCeremony.TimeoutMs,
            AuthenticatorSelection = new AuthenticatorSelection { UserVerification = UserVerificationRequirement.Discouraged },
        };
        try
        {
            var credential = await Fido(rt, raw.Response.ClientDataJson).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            }, ct).ConfigureAwait(false);
            var authData = AuthenticatorData.Parse(AttestationAuthData(raw.Response.AttestationObject));
            return new WebAuthnKey
            {
                Id = credential.Id,
                PublicKey = credential.PublicKey,
                AttestationType = credential.AttestationFormat,
                Aaguid = credential.AaGuid.ToByteArray(bigEndian: true),
                SignCount = credential.SignCount,
                DisplayName = displayName,
                AddedAt = DateTimeOffset.FromUnixTimeSeconds((long)Math.Round(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0)),
                IsPasswordless = config.Passwordless,
                UserPresent = authData.UserPresent,
                UserVerified = authData.UserVerified,
                BackupEligible = credential.IsBackupEligible,
                BackupState = credential.IsBackedUp,
                ClientDataJson = raw.Response.ClientDataJson,
                AuthenticatorData = authData.ToByteArray(),
                PublicKeyAlgorithm = CoseAlgorithm(credential.PublicKey),
                AttestationObject = raw.Response.AttestationObject,
            };
        }
        catch (Exception e) when (e is Fido2VerificationException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new VerificationException(e.Message);
        }
    }

    /// <summary>
    /// ValidateLogin: true when the assertion verifies against one of <paramref name="keys"/> (the keys the flow's
    /// strategy may use); the matched key's stored counter changes only under the counter deviation.
    /// </summary>
    public static async Task<bool> AssertAsync(Runtime rt, JsonObject session, string body, WebAuthnCredential credential, IReadOnlyList<WebAuthnKey> keys, CancellationToken ct)
    {
        var json = Parse(body, "Assertion");
        var response = json["response"] as JsonObject ?? throw new ParseException("Parse error for Assertion");
        var userHandle = response["userHandle"] is JsonValue h && h.GetValue<string>().Length > 0 ? Bytes(response, "userHandle", "Assertion") : null;
        var raw = new AuthenticatorAssertionRawResponse
        {
            Id = Id(json, "Assertion"),
            RawId = Bytes(json, "rawId", "Assertion"),
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAssertionRawResponse.AssertionResponse
            {
                AuthenticatorData = Bytes(response, "authenticatorData", "Assertion"),
                ClientDataJson = Bytes(response, "clientDataJSON", "Assertion"),
                Signature = Bytes(response, "signature", "Assertion"),
                UserHandle = userHandle,
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        // protocol.CredentialAssertionResponse.Parse (go-webauthn v0.11.2): the client data must be JSON and the
        // authenticator data well-formed before anything is verified; otherwise the body does not parse.
        if (WebAuthnParsing.ClientData(raw.Response.ClientDataJson) is null || !WebAuthnParsing.AuthenticatorDataParses(raw.Response.AuthenticatorData))
        {
            throw new ParseException("Parse error for Assertion");
        }

        var sessionUser = Convert.FromBase64String(session["user_id"]?.GetValue<string>() ?? string.Empty);
        var key = keys.FirstOrDefault(k => k.Id.AsSpan().SequenceEqual(raw.RawId));
        if (key is null || !sessionUser.AsSpan().SequenceEqual(credential.UserHandle))
        {
            return false;
        }

        var allowed = (session["allowed_credentials"] as JsonArray ?? []).Select(a => Convert.FromBase64String(a!.GetValue<string>())).ToList();
        var options = new AssertionOptions
        {
            Challenge = ExpectedChallenge(rt, raw.Response.ClientDataJson, Base64Url.DecodeFromChars(session["challenge"]!.GetValue<string>())),
            RpId = rt.Config.WebAuthn.RpId,
            AllowCredentials = [.. allowed.Select(a => new PublicKeyCredentialDescriptor(a))],
            UserVerification = UserVerificationRequirement.Discouraged,
        };
        var enforceCounter = rt.Has(DeviationNames.WebAuthnCounterEnforced);
        try
        {
            var result = await Fido(rt, raw.Response.ClientDataJson).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = options,
                StoredPublicKey = key.PublicKey,
                StoredSignatureCounter = enforceCounter ? key.SignCount : 0,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(credential.UserHandle)),
            }, ct).ConfigureAwait(false);
            if (AuthenticatorData.Parse(raw.Response.AuthenticatorData).IsBackupEligible != key.BackupEligible)
            {
                // go-webauthn: "Backup Eligible flag inconsistency detected during login validation".
                return false;
            }

            if (enforceCounter)
            {
                key.SignCount = result.SignCount;
            }

            return true;
        }
        catch (Exception e) when (e is Fido2VerificationException or InvalidOperationException or FormatException or ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static Fido2 Fido(Runtime rt, byte[] clientDataJson)
    {
        var config = rt.Config.WebAuthn;
        var origins = new HashSet<string>(config.Origins, StringComparer.OrdinalIgnoreCase);
        if (rt.Has(DeviationNames.WebAuthnOriginNotChecked) && WebAuthnParsing.ClientData(clientDataJson)?["origin"]?.GetValue<string>() is { } claimed)
        {
            origins.Add(claimed);
        }

        return new Fido2(new Fido2Configuration { RPID = config.RpId, RPName = config.DisplayName, Origins = origins });
    }

    /// <summary>The session's challenge, or under the challenge deviation whatever the client data claims.</summary>
    private static byte[] ExpectedChallenge(Runtime rt, byte[] clientDataJson, byte[] stored) =>
        rt.Has(DeviationNames.WebAuthnChallengeNotChecked) && WebAuthnParsing.ClientData(clientDataJson)?["challenge"]?.GetValue<string>() is { } claimed
            ? Base64Url.DecodeFromChars(claimed)
            : stored;

    /// <summary>The COSE key's "alg" (label 3), -7 for ES256.</summary>
    private static long CoseAlgorithm(byte[] coseKey)
    {
        var reader = new System.Formats.Cbor.CborReader(coseKey, System.Formats.Cbor.CborConformanceMode.Lax);
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            var label = reader.PeekState() is System.Formats.Cbor.CborReaderState.UnsignedInteger or System.Formats.Cbor.CborReaderState.NegativeInteger ? reader.ReadInt64() : long.MinValue;
            if (label == long.MinValue)
            {
                reader.SkipValue();
            }

            if (label == 3)
            {
                return reader.ReadInt64();
            }

            reader.SkipValue();
        }

        throw new FormatException("the COSE key has no alg");
    }

    private static byte[] AttestationAuthData(byte[] attestationObject)
    {
        var reader = new System.Formats.Cbor.CborReader(attestationObject, System.Formats.Cbor.CborConformanceMode.Lax);
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadTextString() == "authData")
            {
                return reader.ReadByteString();
            }

            reader.SkipValue();
        }

        throw new FormatException("the attestation object has no authData");
    }

    private static JsonObject Parse(string body, string kind)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new ParseException("Parse error for " + kind);
        }
        catch (JsonException)
        {
            throw new ParseException("Parse error for " + kind);
        }
    }

    private static string Id(JsonObject json, string kind) =>
        json["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 && json["type"]?.ToString() == "public-key"
            ? id
            : throw new ParseException("Parse error for " + kind);

    private static byte[] Bytes(JsonObject json, string name, string kind)
    {
        try
        {
            return json[name] is JsonValue v && v.TryGetValue<string>(out var text) ? Base64Url.DecodeFromChars(text.TrimEnd('=')) : throw new ParseException("Parse error for " + kind);
        }
        catch (FormatException)
        {
            throw new ParseException("Parse error for " + kind);
        }
    }
}
