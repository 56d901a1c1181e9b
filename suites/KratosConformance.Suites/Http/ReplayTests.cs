using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario replay: the used code submitted again to its completed, non-refresh flow (spec §2.13).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReplayTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "replay",
        "§2.13: the used code again on its completed flow gives 400 + 4000001 (valid session) for JSON clients and a 303 to default_browser_return_url for browsers; the flow stays passed_challenge");

    [TestCaseSource(nameof(Cases))]
    public async Task Replay(ClientStyle client)
    {
        var (flows, identity, user, flow, mail) = await SignedInWithCodeSentAsync(client);
        await flows.CompleteAsync(user, flow, mail.Code, identity);

        var replay = await flows.SubmitCodeAsync(user, flow, mail.Code, identity, "submitting the used code again to the completed flow");
        if (client == ClientStyle.Browser)
        {
            // updateLoginFlow sees the aal2 session first and sends the browser to default_browser_return_url ([C] §2.13).
            StatusChecks.Is(replay, 303, "a browser with a session that satisfies the flow is redirected away, spec §2.13");
            RedirectChecks.NotIntoFlow(replay, "the session already satisfies the flow, so there is nothing to render, spec §2.13");
            if (flows.Deployment.Facts.DefaultBrowserReturnUrl is { } home)
            {
                RedirectChecks.To(replay, home, "selfservice.default_browser_return_url, not return_to, spec §2.13");
            }
        }
        else
        {
            StatusChecks.FlowRendered(replay, client);
            MessageChecks.ExactlyIds(replay, [4000001], "the session already satisfies the flow, spec §2.13 (JSON/API)");
            MessageChecks.Text(replay, 4000001, VersionExpectations.ValidSessionText, "of the already-logged-in reason (spec §1.3, §2.13)");
        }

        var after = Observe(await user.GetLoginFlowAsync(flow.Id), "when fetching the flow after the replay");
        StatusChecks.Is(after, 200, "a completed flow can still be fetched, spec §2.15");
        FlowChecks.State(after, "passed_challenge", "the replay does not reopen the flow, spec §2.4 (passed_challenge is terminal), §2.15");
        if (client != ClientStyle.Browser)
        {
            // WriteFlowError stores the flow it answers with (UpdateLoginFlow) and no strategy runs after it: a UI that
            // fetches the flow again shows the same 4000001.
            MessageChecks.ExactlyIds(after, [4000001], "the answered error is what the flow stores (login/error.go WriteFlowError), spec §2.13");
        }

        await flows.WhoAmIAal2Async(user, identity);
    }
}
