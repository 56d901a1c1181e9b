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
        if (!verified || status != "completed")
        {
            Check.Fail(CheckFailure.About(
                o,
                "address not verified by the code login",
                "verifiable address " + identity.Email,
                "be verified:true status:completed (a code login proves the address, spec §2.14 step 2; the login was " + login.Response.RequestLine + ")",
                address is null ? "the identity has no such verifiable address" : $"it was verified:{(verified ? "true" : "false")} status:{status ?? "(none)"}",
                "verified:true status:completed",
                address?.ToJsonString() ?? "(no verifiable address)"));
        }
    }
}
