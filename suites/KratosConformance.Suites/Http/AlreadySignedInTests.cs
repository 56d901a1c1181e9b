using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario already-aal2: with an aal2 session, a new aal2 (or aal1) login without refresh is refused as
/// session_already_available (spec §2.3 decision table rows aal2/aal2 and aal1): a browser is sent to the return URL,
/// JSON clients get 400. A deployment that opens a new flow instead lets a signed-in user log in again.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AlreadySignedInTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "already-aal2",
        "§2.3: with an aal2 session, creating an aal2 or aal1 login flow without refresh gives session_already_available (browser 303 to the default return URL, SPA/native 400)");

    [TestCaseSource(nameof(Cases))]
    public async Task AlreadyAal2(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        await flows.CompleteAsync(user, flow, mail.Code, identity);

        foreach (var (what, options) in new[] { ("aal2", LoginFlowOptions.SecondFactor), ("aal1", LoginFlowOptions.FirstFactor) })
        {
            var again = Observe(await user.CreateLoginFlowAsync(options), $"after creating an {what} login flow on the aal2 session");
            if (client == ClientStyle.Browser)
            {
                StatusChecks.Is(again, 303, "a browser with a session that satisfies the request is sent to the return URL, spec §2.3");
                RedirectChecks.NotIntoFlow(again, "the session already satisfies " + what + ", spec §2.3");
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

        await flows.WhoAmIAal2Async(user, identity);
    }
}
