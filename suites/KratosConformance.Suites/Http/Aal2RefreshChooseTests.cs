using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario aal2-refresh-choose: <c>aal=aal2&amp;refresh=true</c> for an identity with two code addresses, first on the
/// aal1 session, then on the aal2 session (spec §2.3 decision table rows aal2&amp;refresh / aal1 and aal2, §2.7). Two
/// addresses keep the v26.2.0 fast path from sending (it needs exactly one, spec §2.6), so the refresh screen and its
/// messages are observable on every version: 1010004 only where the session is below aal2 (login/handler.go
/// NewLoginFlow adds NewInfoLoginMFA when the requested AAL is above the session's).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Aal2RefreshChooseTests : CodeMfaTest
{
    private static readonly LoginFlowOptions Aal2Refresh = new() { Aal = "aal2", Refresh = true };

    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "aal2-refresh-choose",
        "§2.3/§2.7: with two code addresses, aal2+refresh waits in choose_method with [1010003, 1010004] on the aal1 session and [1010003] alone on the aal2 session, on every version");

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2RefreshChoose(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityWithSecondAddressAsync(flows.Deployment);
        var second = identity.SecondEmail!;
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);

        Step("create an aal2 refresh login flow on the aal1 session (two code addresses)");
        var onAal1 = Observe(await user.CreateLoginFlowAsync(Aal2Refresh), "after creating an aal2 refresh login flow on the aal1 session");
        StatusChecks.FlowCreated(onAal1, client);
        FlowChecks.Refresh(onAal1, true);
        CodeFormChecks.ChooseMethod(onAal1, client, identity.Email, [1010003, 1010004], "refresh on an aal1 session asks to re-authenticate and for the second factor, spec §2.3");

        Step($"press the address button for {second}");
        var sent = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(onAal1), LoginSubmission.SendCodeTo(second)), "after pressing the second address button");
        StatusChecks.FlowRendered(sent, client);
        FlowChecks.State(sent, "sent_email", "pressing an address button sends the code, spec §2.4, §2.8 step 5");
        var mail = await Scope.Mail.WaitForCodeAsync(flows.Deployment, second, 1);
        await flows.CompleteAsync(user, FlowChecks.Flow(sent), mail.Code, identity);

        Step("create an aal2 refresh login flow on the aal2 session");
        var onAal2 = Observe(await user.CreateLoginFlowAsync(Aal2Refresh), "after creating an aal2 refresh login flow on the aal2 session");
        StatusChecks.FlowCreated(onAal2, client);
        FlowChecks.Refresh(onAal2, true);
        CodeFormChecks.ChooseMethod(onAal2, client, identity.Email, [1010003], "refresh on an aal2 session only asks to re-authenticate: the session already has the requested aal2, spec §2.3");
    }
}
