using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenarios already-aal2 and already-aal1: a session that already satisfies the requested level refuses a new login
/// without refresh as session_already_available (spec §2.3 decision table rows aal2/aal2 and aal1/any;
/// login/handler.go NewLoginFlow returns ErrAlreadyLoggedIn for a requested aal1 whatever the session's level): a
/// browser is sent to the return URL, JSON clients get 400. A deployment that opens a new flow instead lets a
/// signed-in user log in again.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AlreadySignedInTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "already-aal2",
        "§2.3: with an aal2 session, creating an aal2 or aal1 login flow without refresh gives session_already_available (browser 303 to the default return URL, SPA/native 400)");

    private static IEnumerable<TestCaseData> Aal1Cases() => ConformanceCases.ForStyles(
        "already-aal1",
        "§2.3: with the aal1 session of the password (second factor pending), creating an aal1 login flow without refresh gives session_already_available (browser 303 to the default return URL, SPA/native 400), and the aal2 flow stays open to it");

    [TestCaseSource(nameof(Cases))]
    public async Task AlreadyAal2(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        await flows.CompleteAsync(user, flow, mail.Code, identity);

        foreach (var (what, options) in new[] { ("aal2", LoginFlowOptions.SecondFactor), ("aal1", LoginFlowOptions.FirstFactor) })
        {
            var again = Observe(await user.CreateLoginFlowAsync(options), $"after creating an {what} login flow on the aal2 session");
            RefusedAsAlreadyAvailable(flows, client, again, "the session already satisfies " + what);
        }

        await flows.WhoAmIAal2Async(user, identity);
    }

    [TestCaseSource(nameof(Aal1Cases))]
    public async Task AlreadyAal1(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);

        var again = Observe(await user.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor), "after creating an aal1 login flow on the aal1 session of the password");
        RefusedAsAlreadyAvailable(flows, client, again, "a requested aal1 is satisfied by any session, even one whose second factor is pending");

        // The refusal is about the requested level, not the session: the same session still opens the aal2 step.
        await CompleteSecondFactorAsync(flows, user, identity);
    }

    private static void RefusedAsAlreadyAvailable(Flows flows, ClientStyle client, Observation again, string why)
    {
        if (client == ClientStyle.Browser)
        {
            StatusChecks.Is(again, 303, "a browser with a session that satisfies the request is sent to the return URL, spec §2.3");
            RedirectChecks.NotIntoFlow(again, why + ", spec §2.3");
            if (flows.Deployment.Facts.DefaultBrowserReturnUrl is { } home)
            {
                RedirectChecks.To(again, home, "no return_to: selfservice.default_browser_return_url, spec §2.3");
            }
        }
        else
        {
            StatusChecks.ErrorReturned(again, client, 400, "session_already_available");
            ErrorCodeChecks.Is(again, again.Response.Error!, 400, "session_already_available is a 400, spec §1.6");
        }
    }
}
