using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Client.Identities;

/// <summary>
/// Creates test identities over the admin API (spec §8). Each gets a unique lower-case address and a random password;
/// the address is created unverified (<c>verified:false, status:pending</c>) so the "a code login marks the address
/// verified" behaviour (spec §2.14) is observable. The code credential is not created here: the identity schema's
/// <c>credentials.code.identifier</c> extension makes it, as it would for any real user.
/// </summary>
public sealed class IdentityFactory(KratosEndpoints endpoints, EvidenceRecorder evidence)
{
    /// <summary>The domain of every test address; the mailbox readers filter by full recipient, not by domain.</summary>
    public const string Domain = "conformance.test";

    private readonly KratosAdminClient _admin = new(endpoints, evidence);

    /// <summary>The optional trait of fixtures/profiles/base/identity.schema.json that gives an identity a second code address.</summary>
    public const string SecondAddressTrait = "backup_email";

    /// <summary>Creates "&lt;hint&gt;.&lt;8 hex&gt;@conformance.test" (hint e.g. "wrong-code.spa") with schema "default".</summary>
    public Task<TestIdentity> CreateAsync(string hint, CancellationToken ct = default) => CreateAsync(hint, secondAddress: false, ct);

    /// <summary>
    /// Like <see cref="CreateAsync(string, CancellationToken)"/>, plus a second code address in the optional
    /// <see cref="SecondAddressTrait"/> trait: two code addresses switch off v26.2.0's auto-send (spec §2.6), so the
    /// choose_method screen with one address button per address can be seen. The second address sorts before the
    /// first ("0-second." + hint): Kratos lists the addresses sorted, not in the traits' order (docs/kratos-facts.md),
    /// which is observable only when the two orders differ.
    /// </summary>
    public Task<TestIdentity> CreateWithSecondAddressAsync(string hint, CancellationToken ct = default) => CreateAsync(hint, secondAddress: true, ct);

    /// <summary>The optional trait of fixtures/profiles/sms.schema.json that is a code identifier via sms (factors spec §10.1).</summary>
    public const string PhoneTrait = "phone";

    /// <summary>
    /// Like <see cref="CreateAsync(string, CancellationToken)"/>, plus a unique mobile number (E.164, +49 176 and eight
    /// random digits: valid for libphonenumber) in the <see cref="PhoneTrait"/> trait, a second code address via sms.
    /// </summary>
    public Task<TestIdentity> CreateWithPhoneAsync(string hint, CancellationToken ct = default) => CreateAsync(hint, secondAddress: false, ct, phone: NewPhone());

    /// <summary>A unique German mobile number in E.164 (+49176 and eight digits): valid, and not anyone's in a test run.</summary>
    public static string NewPhone() =>
        "+49176" + (RandomNumberGenerator.GetInt32(10_000_000, 100_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<TestIdentity> CreateAsync(string hint, bool secondAddress, CancellationToken ct, string? phone = null)
    {
        var email = NewAddress(hint);
        var second = secondAddress ? NewAddress("0-second." + hint) : null;
        var password = NewPassword();
        var traits = new JsonObject { ["email"] = email };
        if (phone is not null)
        {
            traits[PhoneTrait] = phone;
        }

        var addresses = new JsonArray(UnverifiedAddress(email));
        if (second is not null)
        {
            traits[SecondAddressTrait] = second;
            addresses.Add(UnverifiedAddress(second));
        }

        var body = new JsonObject
        {
            ["schema_id"] = "default",
            ["traits"] = traits,
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = password } } },
            ["verifiable_addresses"] = addresses,
            ["state"] = "active",
        };
        evidence.Note(second is null ? $"create identity {email}" : $"create identity {email} with second code address {second}");
        var response = await _admin.CreateIdentityAsync(body, ct).ConfigureAwait(false);
        if (response.Status != 201 || response.Body is not JsonObject identity || KratosJson.Str(identity, "id") is not { } id)
        {
            var reason = response.Error is { } error ? FlowDescription.Describe(error) : response.BodyText;
            throw new IdentityCreationException(
                $"Expected Kratos to create test identity {email} with 201, but {response.RequestLine}: {reason}\n"
                + "  Check that the identity schema \"default\" has an \"email\" trait (password + code identifier, via email)"
                + (second is null ? "; " : $" and an optional \"{SecondAddressTrait}\" trait (code identifier, via email); ")
                + (phone is null ? string.Empty : $"an optional \"{PhoneTrait}\" trait (code identifier, via sms; fixtures/profiles/sms.schema.json); ")
                + $"see fixtures/profiles/base/identity.schema.json. (transcript: {response.TranscriptFile})",
                response.Status,
                response.BodyText,
                response.TranscriptFile);
        }

        return new TestIdentity(id, email, password, identity, _admin) { SecondEmail = second, Phone = phone };
    }

    // Unverified on purpose: a code login must mark the address verified (spec §2.14 step 2), which tests observe.
    private static JsonObject UnverifiedAddress(string address) => new()
    {
        ["value"] = address,
        ["via"] = "email",
        ["verified"] = false,
        ["status"] = "pending",
    };

    /// <summary>Lower-case, unique, and readable in a mailbox listing.</summary>
    public static string NewAddress(string hint)
    {
        var local = new StringBuilder();
        foreach (var c in hint.ToLowerInvariant())
        {
            local.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        var prefix = local.ToString().Trim('.', '-');
        if (prefix.Length > 40)
        {
            prefix = prefix[..40].TrimEnd('.', '-');
        }

        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return (prefix.Length == 0 ? suffix : $"{prefix}.{suffix}") + "@" + Domain;
    }

    /// <summary>Long and random: Kratos's password policy rejects short or breached passwords.</summary>
    private static string NewPassword() =>
        "Kc-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "-9";
}
