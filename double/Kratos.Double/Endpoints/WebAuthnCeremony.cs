using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// The options JSON of go-webauthn v0.11.2's BeginRegistration and BeginLogin as Kratos configures them (factors spec
/// §5.4, §5.5), and the session data Kratos keeps in the flow's internal context under webauthn_session_data: a fresh
/// 32-byte challenge per render, the user handle (the identity UUID's 16 bytes) and, for login, the allowed key ids.
/// </summary>
internal static class WebAuthnCeremony
{
    /// <summary>go-webauthn's default timeout for userVerification "discouraged"; not enforced server-side (§5.5).</summary>
    public const int TimeoutMs = 120000;

    /// <summary>webauthncose algorithms of go-webauthn's defaultRegistrationCredentialParameters, in its order (§5.4).</summary>
    public static readonly long[] Algorithms = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];

    /// <summary>The internal-context key of the session data: flow.PrefixInternalContextKey(webauthn, "session_data").</summary>
    public const string Key = "webauthn_session_data";

    public static JsonObject? SessionData(JsonObject internalContext) => internalContext[Key] as JsonObject;

    public static void SetSessionData(JsonObject internalContext, JsonObject? data)
    {
        if (data is null)
        {
            internalContext.Remove(Key);
            return;
        }

        internalContext[Key] = data;
    }

    /// <summary>The user handle go-webauthn gets: the identity UUID's 16 bytes in RFC 4122 order (Go's uuid.UUID[:]).</summary>
    public static byte[] UserHandle(Guid identityId) => identityId.ToByteArray(bigEndian: true);

    /// <summary>BeginRegistration: creation options JSON (no excludeCredentials, no attestation member) and session data.</summary>
    public static (string Options, JsonObject Session) BeginRegistration(WebAuthnConfig config, Guid identityId)
    {
        var challenge = NewChallenge();
        var userId = UserHandle(identityId);
        var options = new JsonObject
        {
            ["publicKey"] = new JsonObject
            {
                ["rp"] = new JsonObject { ["name"] = config.DisplayName, ["id"] = config.RpId },
                ["user"] = new JsonObject { ["name"] = config.DisplayName, ["displayName"] = config.DisplayName, ["id"] = Base64Url.EncodeToString(userId) },
                ["challenge"] = challenge,
                ["pubKeyCredParams"] = new JsonArray(Algorithms.Select(a => (JsonNode)new JsonObject { ["type"] = "public-key", ["alg"] = a }).ToArray()),
                ["timeout"] = TimeoutMs,
                ["authenticatorSelection"] = new JsonObject { ["userVerification"] = "discouraged" },
            },
        };
        var session = new JsonObject
        {
            ["challenge"] = challenge,
            ["user_id"] = Convert.ToBase64String(userId),
            ["userVerification"] = "discouraged",
        };
        return (options.ToJsonString(), session);
    }

    /// <summary>BeginLogin over <paramref name="keys"/>: request options JSON (one allowCredentials entry per key, no transports) and session data.</summary>
    public static (string Options, JsonObject Session) BeginLogin(WebAuthnConfig config, byte[] userHandle, IReadOnlyList<WebAuthnKey> keys)
    {
        var challenge = NewChallenge();
        var options = new JsonObject
        {
            ["publicKey"] = new JsonObject
            {
                ["challenge"] = challenge,
                ["timeout"] = TimeoutMs,
                ["rpId"] = config.RpId,
                ["allowCredentials"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject { ["type"] = "public-key", ["id"] = Base64Url.EncodeToString(k.Id) }).ToArray()),
                ["userVerification"] = "discouraged",
            },
        };
        var session = new JsonObject
        {
            ["challenge"] = challenge,
            ["user_id"] = Convert.ToBase64String(userHandle),
            ["allowed_credentials"] = new JsonArray(keys.Select(k => (JsonNode)JsonValue.Create(Convert.ToBase64String(k.Id))).ToArray()),
            ["userVerification"] = "discouraged",
        };
        return (options.ToJsonString(), session);
    }

    private static string NewChallenge() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
