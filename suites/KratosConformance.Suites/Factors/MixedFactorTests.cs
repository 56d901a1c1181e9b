using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Mixed factors (factors spec §6): an identity with the emailed code, TOTP and backup codes sees all three on the
/// aal2 screen (no code auto-send at any version once another factor exists), and each one completes aal2 in turn,
/// the session's methods growing with each.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MixedFactorTests : FactorTest
{
    private static IEnumerable<TestCaseData> Screen() => ConformanceCases.ForStyles(
        Id("login", "mixed", "aal2-screen"),
        "factors §6.1/§6.2/§6.3: code + TOTP + backup codes on one aal2 screen in choose_method with 1010004 (no auto-send, also at v26.2.0); TOTP, a backup code and the emailed code each complete aal2, methods accumulating");

    [TestCaseSource(nameof(Screen))]
    public async Task MixedScreen(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Mixed);
        var identity = await NewIdentityAsync(steps.Deployment);

        // The code address makes aal2 available, so settings need an aal2 session first (factors spec §7.2).
        var enroller = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(enroller, identity);
        var sent = await steps.Code.StartWithCodeSentAsync(enroller, identity);
        var first = await WaitForCodeAsync(steps.Deployment, identity, 1);
        await steps.Code.CompleteAsync(enroller, sent, first.Code, identity);
        var secret = await steps.EnrolTotpAsync(enroller, identity);
        var codes = await steps.EnrolLookupAsync(enroller, identity);

        var user = await steps.SignedInAal1Async(client, identity);
        var created = await steps.Aal2FlowAsync(user);
        FlowChecks.State(created, "choose_method", "with TOTP and backup codes the code is not sent on creation, at any version, factors spec §6.2, §6.3");
        MessageChecks.ExactlyIds(created, [1010004], "the aal2 screen asks for the second factor, factors spec §6.1");
        NodeChecks.Present(created, new NodeExpectation("code", "address", "submit") { Value = identity.Email, LabelId = 1010023 }, "the emailed code's address button, factors spec §6.1");
        NodeChecks.Present(created, new NodeExpectation("totp", "totp_code", "text") { LabelId = 1010006 }, "the TOTP input, factors spec §6.1");
        NodeChecks.Present(created, new NodeExpectation("totp", "method", "submit") { Value = "totp", LabelId = 1010009 }, "the TOTP submit, factors spec §6.1");
        NodeChecks.Present(created, new NodeExpectation("lookup_secret", "lookup_secret", "text") { LabelId = 1010007 }, "the backup-code input, factors spec §6.1");
        NodeChecks.Present(created, new NodeExpectation("lookup_secret", "method", "submit") { Value = "lookup_secret", LabelId = 1010010 }, "the backup-code submit, factors spec §6.1");

        var methods = new List<(string, string)> { ("password", "aal1"), ("totp", "aal2") };
        var byTotp = steps.Observe(await steps.Driver.SubmitTotpLoginAsync(user, FlowChecks.Flow(created), TotpCode.At(secret), "submit the TOTP code on the mixed screen"), "after submitting the TOTP code on the mixed screen");
        StatusChecks.LoginSucceeded(byTotp, client);
        await steps.Code.WhoAmIAal2Async(user, identity, methods);

        var again = await steps.Aal2FlowAsync(user, refresh: true);
        var byLookup = steps.Observe(await steps.Driver.SubmitLookupLoginAsync(user, FlowChecks.Flow(again), codes[0], "submit a backup code on the mixed refresh screen"), "after submitting a backup code on the mixed refresh screen");
        StatusChecks.LoginSucceeded(byLookup, client);
        methods.Add(("lookup_secret", "aal2"));
        await steps.Code.WhoAmIAal2Async(user, identity, methods);

        var third = await steps.Aal2FlowAsync(user, refresh: true);
        FlowChecks.State(third, "choose_method", "no auto-send with other factors, factors spec §6.2");
        var withCode = await steps.Code.SendCodeAsync(user, third, identity);
        var mail = await WaitForCodeAsync(steps.Deployment, identity, 2);
        await steps.Code.CompleteAsync(user, FlowChecks.Flow(withCode), mail.Code, identity, "submitting the emailed code on the mixed refresh screen");
        methods.Add(("code", "aal2"));
        await steps.Code.WhoAmIAal2Async(user, identity, methods);
    }
}
