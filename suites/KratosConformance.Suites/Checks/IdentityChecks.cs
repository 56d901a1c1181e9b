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
    public static readonly CheckDefinition Verified = new("identity.address.verified", "a code login marks the address it was sent to verified:true status:completed with verified_at", "identity.verifiable_addresses", "verifiableIdentityAddress.value", "verifiableIdentityAddress.verified", "verifiableIdentityAddress.status", "verifiableIdentityAddress.verified_at", "verifiableIdentityAddress.via");

    /// <param name="o">The identity as the admin API answered it (GET /admin/identities/{id}) after the login.</param>
    /// <param name="identity">The test identity whose code address must now be verified.</param>
    /// <param name="login">The observation of the code login, quoted in the failure.</param>
    public static void AddressVerified(Observation o, TestIdentity identity, Observation login)
    {
        StatusChecks.Is(o, 200, "the test identity exists, spec §8");
        var address = (o.Response.Body?["verifiable_addresses"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => string.Equals((string?)a["value"], identity.Email, StringComparison.OrdinalIgnoreCase));
        var verified = address?["verified"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var status = (string?)address?["status"];
        var via = (string?)address?["via"];
        var verifiedAt = address?["verified_at"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String;
        Check.Verify(o, Verified, verified && status == "completed" && via == "email" && verifiedAt, new FailureText
        {
            Headline = "address not verified by the code login",
            Subject = "verifiable address " + identity.Email,
            Expectation = "be verified:true status:completed via:email with a verified_at",
            Why = "a code login proves the address, spec §2.14 step 2; the login was " + login.Response.RequestLine,
            Actual = address is null ? "the identity has no such verifiable address" : $"it was verified:{(verified ? "true" : "false")} status:{status ?? "(none)"} via:{via ?? "(none)"} verified_at:{(verifiedAt ? "set" : "(none)")}",
            Expected = "verified:true status:completed via:email verified_at:<time>",
            Observed = address?.ToJsonString() ?? "(no verifiable address)",
        });
    }
}
