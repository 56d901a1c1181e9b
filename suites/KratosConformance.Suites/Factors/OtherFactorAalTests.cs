using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Each other factor counts on its own (factors spec §2.1, §6.2): backup codes alone make aal2 available (whoami under
/// highest_available refuses the password session), and TOTP alone or backup codes alone beside the emailed code stop
/// v26.2.0's code auto-send. The mixed scenario enrols both at once, so it can not tell whether each one counts.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OtherFactorAalTests : FactorTest
{
    private static IEnumerable<TestCaseData> LookupOnly() => ConformanceCases.ForStyles(
        Id("login", "lookup-secret", "available-aal"),
        "factors §2.1/§7.2: backup codes as the only second factor make aal2 available: whoami under highest_available answers the password session 403 session_aal2_required");

    private static IEnumerable<TestCaseData> TotpBesideCode() => ConformanceCases.ForStyles(
        Id("login", "mixed", "code-and-totp"),
        "factors §6.2/§6.3: the emailed code and TOTP only: the aal2 flow waits in choose_method at every version (v26.2.0 auto-sends only when no other factor is active)");

    private static IEnumerable<TestCaseData> LookupBesideCode() => ConformanceCases.ForStyles(
        Id("login", "mixed", "code-and-lookup-secret"),
        "factors §6.2/§6.3: the emailed code and backup codes only: the aal2 flow waits in choose_method at every version (v26.2.0 auto-sends only when no other factor is active)");

    [TestCaseSource(nameof(LookupOnly))]
    public async Task LookupMakesAal2Available(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithLookupAsync(client, identity);
        var user = await steps.SignedInAal1Async(client, identity);

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the password session of an identity with backup codes");
        StatusChecks.Is(whoami, 403, "backup codes count as an active second factor (CountActiveMultiFactorCredentials), so highest_available wants aal2, factors spec §2.1, §7.2 (DoesSessionSatisfy)");
        ErrorChecks.Id(whoami, "session_aal2_required");
    }

    [TestCaseSource(nameof(TotpBesideCode))]
    public async Task TotpStopsAutoSend(ClientStyle client) => await NoAutoSendAsync(client, totp: true);

    [TestCaseSource(nameof(LookupBesideCode))]
    public async Task LookupStopsAutoSend(ClientStyle client) => await NoAutoSendAsync(client, totp: false);

    /// <summary>The emailed code plus one other factor: no code is sent when the aal2 flow is created.</summary>
    private async Task NoAutoSendAsync(ClientStyle client, bool totp)
    {
        var steps = await StepsAsync(KratosProfiles.Mixed);
        var identity = await NewIdentityAsync(steps.Deployment);

        // The code address makes aal2 available, so settings need an aal2 session first (factors spec §7.2).
        var enroller = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(enroller, identity);
        var sent = await steps.Code.StartWithCodeSentAsync(enroller, identity);
        var first = await WaitForCodeAsync(steps.Deployment, identity, 1);
        await steps.Code.CompleteAsync(enroller, sent, first.Code, identity);
        var factor = totp ? "TOTP" : "backup codes";
        if (totp)
        {
            await steps.EnrolTotpAsync(enroller, identity);
        }
        else
        {
            await steps.EnrolLookupAsync(enroller, identity);
        }

        var user = await steps.SignedInAal1Async(client, identity);
        var created = await steps.Aal2FlowAsync(user);
        FlowChecks.State(created, "choose_method", $"with {factor} beside the emailed code the code is not sent on creation, at any version, factors spec §6.2, §6.3");
        MessageChecks.ExactlyIds(created, [1010004], "the aal2 screen asks for the second factor, factors spec §6.1");
    }
}
