using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>
/// The software authenticator read back byte by byte, as a relying party reads it (WebAuthn level 2 §6.1, §6.5,
/// §8.7; factors spec §5.3): clientDataJSON, the "none" attestation object, authenticator data (RP-ID hash, flags,
/// counter, attested credential data with a COSE EC2 P-256 key), and an ES256 signature that verifies with that key.
/// The double's verification with the Fido2 library is the second reader (WebAuthnDoubleTests).
/// </summary>
[TestFixture]
public sealed class SoftwareAuthenticatorTests
{
    private const string Origin = "http://localhost:4455";
    private const string RpId = "localhost";

    [Test]
    public void Create_answers_with_a_none_attestation_of_a_p256_key()
    {
        using var authenticator = new SoftwareAuthenticator();
        var user = Guid.NewGuid().ToByteArray();

        var answer = JsonNode.Parse(authenticator.Create(CreationOptions(user, "Y2hhbGxlbmdl"), Origin))!;
        var response = answer["response"]!;
        var clientData = JsonNode.Parse(Base64Url.DecodeFromChars(response["clientDataJSON"]!.GetValue<string>()))!;
        var attestation = new CborReader(Base64Url.DecodeFromChars(response["attestationObject"]!.GetValue<string>()));
        var fields = ReadTextMap(attestation);
        var authData = (byte[])fields["authData"];

        answer["type"]!.GetValue<string>().Should().Be("public-key");
        answer["id"]!.GetValue<string>().Should().Be(answer["rawId"]!.GetValue<string>());
        clientData["type"]!.GetValue<string>().Should().Be("webauthn.create");
        clientData["challenge"]!.GetValue<string>().Should().Be("Y2hhbGxlbmdl");
        clientData["origin"]!.GetValue<string>().Should().Be(Origin);
        fields["fmt"].Should().Be("none");
        ((int)fields["attStmt"]).Should().Be(0, "the none format's statement is an empty map");
        authData[..32].Should().Equal(SHA256.HashData(Encoding.UTF8.GetBytes(RpId)));
        authData[32].Should().Be(0x41, "user present and attested credential data");
        BinaryPrimitives.ReadUInt32BigEndian(authData.AsSpan(33)).Should().Be(0);
        var idLength = BinaryPrimitives.ReadUInt16BigEndian(authData.AsSpan(53));
        authData.AsSpan(55, idLength).ToArray().Should().Equal(Base64Url.DecodeFromChars(answer["id"]!.GetValue<string>()));
        var key = ReadCoseKey(authData[(55 + idLength)..]);
        key.Should().ContainKeys(1, 3, -1, -2, -3);
        ((long)key[1]).Should().Be(2, "kty EC2");
        ((long)key[3]).Should().Be(-7, "alg ES256");
        ((long)key[-1]).Should().Be(1, "crv P-256");
        authenticator.CredentialIds.Should().ContainSingle();
    }

    [Test]
    public void Get_signs_authenticator_data_and_client_data_hash_with_the_registered_key()
    {
        using var authenticator = new SoftwareAuthenticator();
        var user = Guid.NewGuid().ToByteArray();
        var created = JsonNode.Parse(authenticator.Create(CreationOptions(user, "cmVn"), Origin))!;
        var authDataAtCreate = (byte[])ReadTextMap(new CborReader(Base64Url.DecodeFromChars(created["response"]!["attestationObject"]!.GetValue<string>())))["authData"];
        var idLength = BinaryPrimitives.ReadUInt16BigEndian(authDataAtCreate.AsSpan(53));
        var cose = ReadCoseKey(authDataAtCreate[(55 + idLength)..]);
        using var publicKey = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = (byte[])cose[-2], Y = (byte[])cose[-3] } });

        var answer = JsonNode.Parse(authenticator.Get(RequestOptions(created["id"]!.GetValue<string>(), "c2lnbg"), Origin))!;
        var response = answer["response"]!;
        var authData = Base64Url.DecodeFromChars(response["authenticatorData"]!.GetValue<string>());
        var clientDataJson = Base64Url.DecodeFromChars(response["clientDataJSON"]!.GetValue<string>());
        var signature = Base64Url.DecodeFromChars(response["signature"]!.GetValue<string>());

        JsonNode.Parse(clientDataJson)!["type"]!.GetValue<string>().Should().Be("webauthn.get");
        JsonNode.Parse(clientDataJson)!["challenge"]!.GetValue<string>().Should().Be("c2lnbg");
        authData.Should().HaveCount(37, "no attested credential data in an assertion");
        authData[32].Should().Be(0x01, "user present only");
        BinaryPrimitives.ReadUInt32BigEndian(authData.AsSpan(33)).Should().Be(1);
        Base64Url.DecodeFromChars(response["userHandle"]!.GetValue<string>()).Should().Equal(user);
        byte[] signed = [.. authData, .. SHA256.HashData(clientDataJson)];
        publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            .Should().BeTrue("the signature is ES256 over authenticatorData ‖ SHA-256(clientDataJSON)");
    }

    [Test]
    public void The_counter_grows_by_its_step_and_stays_with_step_zero()
    {
        using var authenticator = new SoftwareAuthenticator();
        var id = JsonNode.Parse(authenticator.Create(CreationOptions(Guid.NewGuid().ToByteArray(), "cmVn"), Origin))!["id"]!.GetValue<string>();

        Counter(authenticator.Get(RequestOptions(id, "YQ"), Origin)).Should().Be(1);
        Counter(authenticator.Get(RequestOptions(id, "Yg"), Origin)).Should().Be(2);
        authenticator.Counter = 7;
        authenticator.CounterStep = 0;
        Counter(authenticator.Get(RequestOptions(id, "Yw"), Origin)).Should().Be(7);
        Counter(authenticator.Get(RequestOptions(id, "ZA"), Origin)).Should().Be(7);
    }

    [Test]
    public void A_challenge_and_origin_of_the_callers_choice_are_signed_as_given()
    {
        using var authenticator = new SoftwareAuthenticator();
        var id = JsonNode.Parse(authenticator.Create(CreationOptions(Guid.NewGuid().ToByteArray(), "cmVn"), Origin))!["id"]!.GetValue<string>();

        var answer = JsonNode.Parse(authenticator.Get(RequestOptions(id, "b3du"), "https://attacker.example", challenge: "Zm9yZWlnbg"))!;
        var clientData = JsonNode.Parse(Base64Url.DecodeFromChars(answer["response"]!["clientDataJSON"]!.GetValue<string>()))!;

        clientData["origin"]!.GetValue<string>().Should().Be("https://attacker.example");
        clientData["challenge"]!.GetValue<string>().Should().Be("Zm9yZWlnbg");
    }

    [Test]
    public void An_unregistered_key_answers_only_when_the_allow_list_is_ignored()
    {
        using var authenticator = new SoftwareAuthenticator();
        var registered = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var own = authenticator.CreateUnregistered(RpId);

        var refuse = () => authenticator.Get(RequestOptions(registered, "YQ"), Origin);
        var answer = JsonNode.Parse(authenticator.Get(RequestOptions(registered, "YQ"), Origin, anyKey: true))!;

        refuse.Should().Throw<InvalidOperationException>().WithMessage("*holds no key*");
        Base64Url.DecodeFromChars(answer["rawId"]!.GetValue<string>()).Should().Equal(own);
    }

    private static string CreationOptions(byte[] user, string challenge) => new JsonObject
    {
        ["publicKey"] = new JsonObject
        {
            ["rp"] = new JsonObject { ["name"] = "test", ["id"] = RpId },
            ["user"] = new JsonObject { ["name"] = "test", ["displayName"] = "test", ["id"] = Base64Url.EncodeToString(user) },
            ["challenge"] = challenge,
        },
    }.ToJsonString();

    private static string RequestOptions(string allowedId, string challenge) => new JsonObject
    {
        ["publicKey"] = new JsonObject
        {
            ["challenge"] = challenge,
            ["rpId"] = RpId,
            ["allowCredentials"] = new JsonArray(new JsonObject { ["type"] = "public-key", ["id"] = allowedId }),
        },
    }.ToJsonString();

    private static uint Counter(string answer) =>
        BinaryPrimitives.ReadUInt32BigEndian(Base64Url.DecodeFromChars(JsonNode.Parse(answer)!["response"]!["authenticatorData"]!.GetValue<string>()).AsSpan(33));

    // fmt (text), attStmt (map: its size), authData (bytes).
    private static Dictionary<string, object> ReadTextMap(CborReader reader)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadTextString();
            result[name] = reader.PeekState() switch
            {
                CborReaderState.TextString => reader.ReadTextString(),
                CborReaderState.ByteString => reader.ReadByteString(),
                CborReaderState.StartMap => SkipMap(reader),
                _ => throw new FormatException("unexpected " + reader.PeekState()),
            };
        }

        return result;
    }

    private static int SkipMap(CborReader reader)
    {
        var size = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < size * 2; i++)
        {
            reader.SkipValue();
        }

        reader.ReadEndMap();
        return size;
    }

    private static Dictionary<long, object> ReadCoseKey(byte[] cose)
    {
        var reader = new CborReader(cose);
        var result = new Dictionary<long, object>();
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            var label = reader.ReadInt64();
            result[label] = reader.PeekState() == CborReaderState.ByteString ? reader.ReadByteString() : reader.ReadInt64();
        }

        return result;
    }
}
