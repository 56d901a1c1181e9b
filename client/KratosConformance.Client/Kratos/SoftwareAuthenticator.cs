using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// A security key in software, so clients without a browser can register and sign in with WebAuthn (factors spec §5.3–
/// §5.5, §11): P-256 ECDSA keys, attestation "none", authenticator data with the RP-ID hash, the user-present flag, a
/// sign counter and (at registration) the attested credential data with a COSE EC2 key, and the clientDataJSON a browser
/// would write. It answers the options JSON Kratos puts into the trigger's value with the JSON Kratos's webauthn.js
/// posts (binary members base64url without padding). The origin is the caller's to give, as a browser gives its page's;
/// the tests choose a wrong one, another flow's challenge or a counter that does not move on purpose.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte AttestedCredentialData = 0x40;
    private readonly List<(byte[] Id, ECDsa Key, byte[] UserHandle, string RpId)> _credentials = [];

    /// <summary>How much the sign counter grows per assertion; 0 keeps it where it is (a key without a counter, or a clone).</summary>
    public uint CounterStep { get; set; } = 1;

    /// <summary>The sign counter: the last assertion carried it; the next carries it plus <see cref="CounterStep"/>.</summary>
    public uint Counter { get; set; }

    /// <summary>The ids of the keys this authenticator holds.</summary>
    public IReadOnlyList<byte[]> CredentialIds => [.. _credentials.Select(c => c.Id)];

    /// <summary>
    /// navigator.credentials.create: a new key for the options' rp.id and user, answered as webauthn.js posts it into
    /// <c>webauthn_register</c>.
    /// </summary>
    public string Create(string optionsJson, string origin)
    {
        var options = PublicKey(optionsJson);
        var rpId = options["rp"]?["id"]?.GetValue<string>() ?? throw new ArgumentException("the creation options name no rp.id", nameof(optionsJson));
        var challenge = options["challenge"]?.GetValue<string>() ?? throw new ArgumentException("the creation options carry no challenge", nameof(optionsJson));
        var userHandle = Base64Url.DecodeFromChars(options["user"]?["id"]?.GetValue<string>() ?? string.Empty);
        var (id, key) = NewKey(rpId, userHandle);
        var clientData = ClientData("webauthn.create", challenge, origin);
        var authData = AuthData(rpId, AttestedCredentialData | UserPresent, 0, AttestedData(id, key));
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return Credential(id, new JsonObject
        {
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
        });
    }

    /// <summary>
    /// A key made on the authenticator alone, never registered anywhere: what a user holds who picks the wrong key.
    /// </summary>
    public byte[] CreateUnregistered(string rpId) => NewKey(rpId, []).Id;

    /// <summary>
    /// navigator.credentials.get: signs the options' challenge (or <paramref name="challenge"/>, to replay another
    /// flow's) with the first held key the options allow, or with the newest key when <paramref name="anyKey"/> (a
    /// client that ignores allowCredentials), answered as webauthn.js posts it into <c>webauthn_login</c>.
    /// </summary>
    public string Get(string optionsJson, string origin, string? challenge = null, bool anyKey = false)
    {
        var options = PublicKey(optionsJson);
        var rpId = options["rpId"]?.GetValue<string>() ?? throw new ArgumentException("the request options name no rpId", nameof(optionsJson));
        var allowed = (options["allowCredentials"] as JsonArray ?? []).Select(c => c?["id"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var held = _credentials.Where(c => c.RpId == rpId).ToList();
        var (id, key, userHandle, _) = anyKey && held.Count > 0 ? held[^1]
            : held.FirstOrDefault(c => allowed.Contains(Base64Url.EncodeToString(c.Id)));
        if (id is null)
        {
            throw new InvalidOperationException($"the software authenticator holds no key for rp id '{rpId}' that the options allow");
        }

        Counter += CounterStep;
        var clientData = ClientData("webauthn.get", challenge ?? options["challenge"]?.GetValue<string>() ?? string.Empty, origin);
        var authData = AuthData(rpId, UserPresent, Counter, []);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(id, new JsonObject
        {
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = Base64Url.EncodeToString(userHandle),
        });
    }

    public void Dispose()
    {
        foreach (var (_, key, _, _) in _credentials)
        {
            key.Dispose();
        }

        _credentials.Clear();
    }

    private (byte[] Id, ECDsa Key) NewKey(string rpId, byte[] userHandle)
    {
        var id = RandomNumberGenerator.GetBytes(32);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _credentials.Add((id, key, userHandle, rpId));
        return (id, key);
    }

    private static JsonObject PublicKey(string optionsJson)
    {
        var root = JsonNode.Parse(optionsJson) as JsonObject ?? throw new ArgumentException("the options are no JSON object", nameof(optionsJson));
        return root["publicKey"] as JsonObject ?? root;
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false }.ToJsonString());

    // rpIdHash (32) | flags (1) | signCount (4, big-endian) | attested credential data.
    private static byte[] AuthData(string rpId, byte flags, uint counter, byte[] attested)
    {
        var data = new byte[37 + attested.Length];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId)).CopyTo(data, 0);
        data[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), counter);
        attested.CopyTo(data, 37);
        return data;
    }

    // aaguid (16 zero bytes: no model claimed) | credential id length (2, big-endian) | id | COSE EC2 key.
    private static byte[] AttestedData(byte[] id, ECDsa key)
    {
        var p = key.ExportParameters(false);
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(p.Q.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(p.Q.Y!);
        cose.WriteEndMap();
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)id.Length);
        return [.. new byte[16], .. length, .. id, .. cose.Encode()];
    }

    private static string Credential(byte[] id, JsonObject response) => new JsonObject
    {
        ["id"] = Base64Url.EncodeToString(id),
        ["rawId"] = Base64Url.EncodeToString(id),
        ["type"] = "public-key",
        ["response"] = response,
    }.ToJsonString();
}
