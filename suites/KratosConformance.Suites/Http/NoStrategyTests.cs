using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario no-strategy: the second factor can not be skipped by posting something else to the aal2 flow (spec §1.4
/// 4010002, §2.4; selfservice/flow/login/aal.go CheckAAL, selfservice/flow/login/handler.go updateLoginFlow). The
/// password strategy answers aal1 flows only, and no strategy takes an unknown method: Kratos writes 4010002 onto the
/// same flow (browser 303 to it, JSON 400 with it), leaves its state, and the session stays aal1. Before any session,
/// method=code on the first-factor flow is no strategy's either when code is a second factor only, nor, with the aal1
/// session, on an aal1 refresh flow.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class NoStrategyTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "no-strategy",
        "§1.4/§2.1/§2.4: method=code on the first-factor flow without a session or on an aal1 refresh flow, the password again, an unknown method or no method (without address) on the aal2 flow give 4010002 on the same flow in the same state; nothing is sent and the session stays aal1");

    [TestCaseSource(nameof(Cases))]
    public async Task NoStrategy(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);

        // Before any session: the code strategy of a deployment with mfa_enabled and not passwordless_enabled answers
        // aal2 flows only (strategy_login.go Login: CheckAAL(f, aal2)), so a code request on the first-factor flow is
        // no strategy's, and nothing is sent. (With passwordless_enabled the same chain checks aal1 instead, and code
        // can not be a second factor at all, so every deployment these suites pass on has it off.)
        var first = Observe(await user.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor), "after creating a first-factor login flow without a session");
        var firstFlow = StatusChecks.FlowCreated(first, client);
        var codeFirst = Observe(await user.SubmitLoginAsync(firstFlow, LoginSubmission.Code(string.Empty, identity.Email).Without("code")), "after asking for a code on the first-factor flow, without a session");
        StatusChecks.FlowRendered(codeFirst, client);
        FlowChecks.SameFlow(codeFirst, firstFlow.Id, "the error is written onto the submitted flow, spec §2.4");
        MessageChecks.ExactlyIds(codeFirst, [4010002], "with code as a second factor only, no strategy takes method=code on an aal1 flow (CheckAAL), spec §1.4, §2.1");
        MailChecks.Count(codeFirst, await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 0), 0, "no code is sent for a first factor the deployment does not offer, spec §2.1");

        await flows.SignInAal1Async(user, identity);

        // With the aal1 session, an aal1 refresh flow is the password's (re-authentication), never the code's: the same
        // CheckAAL(f, aal2) refuses it, whoever is signed in.
        var refreshCreated = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Refresh = true }), "after creating an aal1 refresh login flow on the aal1 session");
        var refreshFlow = StatusChecks.FlowCreated(refreshCreated, client);
        var codeOnRefresh = Observe(await user.SubmitLoginAsync(refreshFlow, LoginSubmission.Code(string.Empty, identity.Email).Without("code")), "after asking for a code on the aal1 refresh flow");
        StatusChecks.FlowRendered(codeOnRefresh, client);
        MessageChecks.ExactlyIds(codeOnRefresh, [4010002], "code is a second factor only: no strategy takes method=code on an aal1 refresh flow (CheckAAL), spec §1.4, §2.1");
        MailChecks.Count(codeOnRefresh, await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 0), 0, "no code is sent on an aal1 flow, spec §2.1");

        var created = await flows.StartAal2Async(user);
        var flow = FlowChecks.Flow(created);

        var submissions = new (string What, LoginSubmission Submission)[]
        {
            ("the password again", LoginSubmission.Password(identity.Email, identity.Password)),
            ("an unknown method", LoginSubmission.Password(identity.Email, identity.Password).With("method", "conformance-unknown")),
            // Without method the code strategy still takes a submission that names an address (mfa_enabled; spec §2.8),
            // the WebAuthn one a webauthn_login; with neither, no strategy is responsible (strategy_login.go Login).
            ("no method and no address", LoginSubmission.Password(identity.Email, identity.Password).Without("method")),
        };
        foreach (var (what, submission) in submissions)
        {
            var refused = Observe(await user.SubmitLoginAsync(flow, submission), $"after posting {what} to the aal2 flow");
            StatusChecks.FlowRendered(refused, client);
            FlowChecks.SameFlow(refused, flow.Id, "the error is written onto the submitted flow, spec §2.4");
            FlowChecks.State(refused, flow.State, $"{what} changes nothing on the flow, spec §2.4");
            MessageChecks.ExactlyIds(refused, [4010002], $"no strategy takes {what} on an aal2 flow (CheckAAL), spec §1.4");
        }

        var whoami = Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the refused submissions");
        SessionChecks.NotAal2(whoami, "only the second factor upgrades the session, spec §4.1");
    }
}
