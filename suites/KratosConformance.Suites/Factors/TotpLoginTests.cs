using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// TOTP as the second factor of a login (factors spec §2.3, §2.4, §3.2, §3.5, §3.7): the aal2 form, a wrong code, the
/// codes of the previous, current and next 30-s step accepted and those two steps away refused.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class TotpLoginTests : FactorTest
{
    private static IEnumerable<TestCaseData> Aal2() => ConformanceCases.ForStyles(
        Id("login", "totp", "aal2"),
        "factors §3.5/§2.3/§2.4/§3.7: the aal2 flow shows the TOTP form with 1010004, a wrong code gives ui.messages [4000008], the right code completes aal2 with [password, totp]");

    private static IEnumerable<TestCaseData> Window() => ConformanceCases.ForStyles(
        Id("login", "totp", "window"),
        "factors §3.2: codes of the step two before or two after now are refused (4000008); the previous, current and next step's codes are accepted");

    [TestCaseSource(nameof(Aal2))]
    public async Task TotpAal2(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Totp);
        var identity = await NewIdentityAsync(steps.Deployment);
        var secret = await steps.WithTotpAsync(client, identity);

        var user = await steps.SignedInAal1Async(client, identity);
        var created = await steps.Aal2FlowAsync(user);
        FlowChecks.State(created, "choose_method", "a TOTP-only identity picks its factor on the form, factors spec §2.4, §6.2");
        MessageChecks.ExactlyIds(created, [1010004], "an aal2 flow on an aal1 session asks for the second factor, factors spec §3.5");
        NodeChecks.Present(created, new NodeExpectation("totp", "totp_code", "text") { LabelId = 1010006, Required = true }, "the TOTP input of the aal2 form, factors spec §3.5 row 2");
        NodeChecks.Present(created, new NodeExpectation("totp", "method", "submit") { Value = "totp", LabelId = 1010009 }, "the TOTP submit of the aal2 form, factors spec §3.5 row 3");
        NodeChecks.Absent(created, "code", "address", "submit", "code.mfa_enabled is false: the code strategy adds no address button to an aal2 flow (code/strategy.go PopulateMethod returns early), factors spec §3.5");
        CodeFormChecks.CsrfWhateverTheType(created, client, "the TOTP hydrator sets it whatever the flow type (totp/login.go PopulateLoginMethod), factors spec §3.5");

        var wrong = steps.Observe(await steps.Driver.SubmitTotpLoginAsync(user, FlowChecks.Flow(created), Flows.WrongCode(TotpCode.At(secret)), "submit a wrong TOTP code"), "after submitting a wrong TOTP code");
        StatusChecks.FlowRendered(wrong, client);
        MessageChecks.ExactlyIds(wrong, [4000008], "a wrong TOTP code replaces 1010004 with 4000008, factors spec §2.3, §3.5");
        SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the wrong TOTP code"), "a wrong TOTP code completes nothing, factors spec §3.5");

        var done = steps.Observe(await steps.Driver.SubmitTotpLoginAsync(user, FlowChecks.Flow(wrong), TotpCode.At(secret), "submit the current TOTP code"), "after submitting the current TOTP code");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("totp", "aal2")]);
    }

    [TestCaseSource(nameof(Window))]
    public async Task TotpWindow(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Totp);
        var identity = await NewIdentityAsync(steps.Deployment);
        var secret = await steps.WithTotpAsync(client, identity);

        foreach (var offset in new[] { 2, -2 })
        {
            var (user, refused) = await SubmitAtAsync(steps, client, identity, secret, offset);
            StatusChecks.FlowRendered(refused, client);
            MessageChecks.ExactlyIds(refused, [4000008], $"the code of {offset:+0;-0} steps is outside pquerna/otp's skew of 1, factors spec §3.2");
            SessionChecks.NotAal2(steps.Observe(await user.WhoAmIAsync(), $"on /sessions/whoami after the TOTP code of {offset:+0;-0} steps"), "a refused TOTP code completes nothing, factors spec §3.5");
        }

        foreach (var offset in new[] { -1, 1, 0 })
        {
            var (user, accepted) = await SubmitAtAsync(steps, client, identity, secret, offset);
            StatusChecks.LoginSucceeded(accepted, client);
            await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("totp", "aal2")]);
        }
    }

    // The code of now + offset steps, in a fresh aal2 flow of a fresh aal1 session. When a step boundary passes between
    // computing the code and Kratos's answer, the offset Kratos saw is not the one meant (and may have completed aal2):
    // the attempt is made once more in a new session, never waited for.
    private async Task<(KratosClient User, Observation Answer)> SubmitAtAsync(FactorSteps steps, ClientStyle client, TestIdentity identity, string secret, int offset)
    {
        for (var attempt = 1; ; attempt++)
        {
            var user = await steps.SignedInAal1Async(client, identity);
            var flow = FlowChecks.Flow(await steps.Aal2FlowAsync(user));
            var before = TotpCode.StepOf(DateTimeOffset.UtcNow);
            var response = await steps.Driver.SubmitTotpLoginAsync(user, flow, TotpCode.At(secret, offset), $"submit the TOTP code of {offset:+0;-0} step(s) from now");
            if (TotpCode.StepOf(DateTimeOffset.UtcNow) == before || attempt == 2)
            {
                return (user, steps.Observe(response, $"after submitting the TOTP code of {offset:+0;-0} step(s) from now"));
            }

            Step("a 30-s step boundary passed during the submission: the attempt proves nothing and is made once more in a new session");
        }
    }
}
