using System.Text.Json.Nodes;
using KratosConformance.Client.Identities;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Side effects on the identity, read over the admin API: a successful code login marks the address verified
/// (spec §2.14 step 2, [T] "on login with un-verified address, should verify it"). The test identity is created with
/// the address unverified so this is observable.
/// </summary>
public static class IdentityChecks
{
    public static readonly CheckDefinition Verified = new("identity.address.verified", "a code login marks the address it was sent to verified:true status:completed with verified_at, and no other address of the identity", "identity.verifiable_addresses", "verifiableIdentityAddress.value", "verifiableIdentityAddress.verified", "verifiableIdentityAddress.status", "verifiableIdentityAddress.verified_at", "verifiableIdentityAddress.via");

    /// <param name="o">The identity as the admin API answered it (GET /admin/identities/{id}) after the login.</param>
    /// <param name="identity">The test identity whose code address must now be verified.</param>
    /// <param name="login">The observation of the code login, quoted in the failure.</param>
    public static void AddressVerified(Observation o, TestIdentity identity, Observation login) => AddressVerified(o, identity.Email, login);

    /// <summary>
    /// As above for <paramref name="email"/>, the address the code went to; <paramref name="untouched"/>, another
    /// unverified address of the identity, stays unverified: the code proves only the address it went to
    /// (selfservice/strategy/code/strategy_login.go: only an unverified address whose value is the code's address).
    /// </summary>
    public static void AddressVerified(Observation o, string email, Observation login, string? untouched = null)
    {
        StatusChecks.Is(o, 200, "the test identity exists, spec §8");
        var addresses = (o.Response.Body?["verifiable_addresses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var address = addresses.FirstOrDefault(a => string.Equals((string?)a["value"], email, StringComparison.OrdinalIgnoreCase));
        var other = untouched is null ? null : addresses.FirstOrDefault(a => string.Equals((string?)a["value"], untouched, StringComparison.OrdinalIgnoreCase));
        var otherVerified = other?["verified"]?.GetValueKind() == System.Text.Json.JsonValueKind.True || (string?)other?["status"] == "completed";
        var verified = address?["verified"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var status = (string?)address?["status"];
        var via = (string?)address?["via"];
        var verifiedAt = address?["verified_at"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String;
        Check.Verify(o, Verified, verified && status == "completed" && via == "email" && verifiedAt && !otherVerified, new FailureText
        {
            Headline = otherVerified ? "another address verified by the code login" : "address not verified by the code login",
            Subject = "verifiable address " + email + (untouched is null ? string.Empty : " (and " + untouched + ", which got no code)"),
            Expectation = "be verified:true status:completed via:email with a verified_at",
            Why = "a code login proves the address, spec §2.14 step 2; the login was " + login.Response.RequestLine,
            Actual = address is null ? "the identity has no such verifiable address"
                : $"it was verified:{(verified ? "true" : "false")} status:{status ?? "(none)"} via:{via ?? "(none)"} verified_at:{(verifiedAt ? "set" : "(none)")}"
                  + (otherVerified ? $"; {untouched} is verified too" : string.Empty),
            Expected = "verified:true status:completed via:email verified_at:<time>" + (untouched is null ? string.Empty : "; " + untouched + " still unverified"),
            Observed = (address?.ToJsonString() ?? "(no verifiable address)") + (other is null ? string.Empty : " " + other.ToJsonString()),
        });
    }
}
