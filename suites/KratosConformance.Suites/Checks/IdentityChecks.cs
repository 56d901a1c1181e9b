using System.Text.Json.Nodes;
using KratosConformance.Fixtures.Identities;
using KratosConformance.Fixtures.Targets;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Side effects on the identity, read over the admin API: a successful code login marks the address verified
/// (spec §2.14 step 2, [T] "on login with un-verified address, should verify it"). The test identity is created with
/// the address unverified so this is observable.
/// </summary>
public static class IdentityChecks
{
    public static async Task AddressVerifiedAsync(ConformanceScope scope, KratosDeployment deployment, TestIdentity identity, Observation login)
    {
        var response = await scope.Admin(deployment).GetIdentityAsync(identity.Id);
        var o = new Observation(scope.TestId, "on GET /admin/identities/{id} after the code login", response);
        StatusChecks.Is(o, 200, "the test identity exists, spec §8");
        var address = (response.Body?["verifiable_addresses"] as JsonArray)?.OfType<JsonObject>()
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
