using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario whoami-aal: how an aal1 session of an identity with code MFA is treated under
/// session.whoami.required_aal = highest_available (the default) and aal1 (spec §4.1, §4.2, §3 last row).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WhoamiAalTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "whoami-aal",
        "§4.1/§4.2/§3: under highest_available the password login points to the aal2 login (browser 303, SPA 422, native identity null) and whoami gives 403 session_aal2_required; under aal1 whoami gives 200");

    [TestCaseSource(nameof(Cases))]
    public async Task WhoamiAal(ClientStyle client)
    {
        var strict = await FlowsAsync();
        if (!strict.Expect.WhoamiRequiresHighestAvailable)
        {
            NotApplicable.Because($"the default deployment sets session.whoami.required_aal={strict.Deployment.Facts.WhoamiRequiredAal}; the scenario needs highest_available (the Kratos default, spec §4.1)");
        }

        var lax = await FlowsAsync(KratosProfiles.WhoamiAal1);
        if (lax.Expect.WhoamiRequiresHighestAvailable)
        {
            NotApplicable.Because($"the '{KratosProfiles.WhoamiAal1}' deployment does not set session.whoami.required_aal=aal1 (it reports {lax.Deployment.Facts.WhoamiRequiredAal})");
        }

        // highest_available: the first factor alone does not satisfy the identity's available aal2.
        var identity = await NewIdentityAsync(strict.Deployment);
        var user = NewClient(client, strict.Deployment);
        var signIn = await strict.SignInAal1Async(user, identity);
        var publicUrl = strict.Deployment.Endpoints.PublicUrl;
        switch (client)
        {
            case ClientStyle.Browser:
                StatusChecks.Is(signIn.Observation, 303, "the browser is sent on to the second factor, spec §3 last row, §4.2");
                RedirectChecks.ToAal2Login(signIn.Observation, publicUrl, "the password login under highest_available continues at the aal2 login, spec §4.2");
                break;
            case ClientStyle.Spa:
                var error = StatusChecks.ErrorReturned(signIn.Observation, client, 422, "browser_location_change_required");
                ErrorChecks.RedirectsToAal2Login(signIn.Observation, error, publicUrl);
                break;
            default:
                StatusChecks.Is(signIn.Observation, 200, "a native login answers 200 with the aal1 session, spec §3 last row");
                var session = SessionChecks.Session(signIn.Observation);
                SessionChecks.Aal(signIn.Observation, session, "aal1", "only the password is done, spec §3 last row");
                SessionChecks.IdentityHidden(signIn.Observation, session);
                break;
        }

        var whoami = Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the aal1 session under highest_available");
        StatusChecks.Is(whoami, 403, "an aal1 session of an identity whose available AAL is aal2 fails highest_available, spec §4.1");
        var denied = ErrorChecks.Id(whoami, "session_aal2_required");
        ErrorChecks.RedirectsToAal2Login(whoami, denied, publicUrl);

        // aal1: the same kind of session passes whoami.
        var laxIdentity = await NewIdentityAsync(lax.Deployment);
        var laxUser = NewClient(client, lax.Deployment);
        await lax.SignInAal1Async(laxUser, laxIdentity);
        var allowed = Observe(await laxUser.WhoAmIAsync(), "on /sessions/whoami with an aal1 session under required_aal aal1");
        StatusChecks.Is(allowed, 200, "required_aal aal1 accepts an aal1 session, spec §4.1");
        var laxSession = SessionChecks.Session(allowed);
        SessionChecks.Aal(allowed, laxSession, "aal1", "only the password is done, spec §4.1");
        SessionChecks.IdentityIs(allowed, laxSession, laxIdentity.Id, laxIdentity.Email, (string?)laxIdentity.Raw["schema_id"]);
    }
}
