using KratosConformance.Client.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Settings and AAL (factors spec §2.1, §7.2, §7.4): an aal1 session of an identity whose TOTP makes aal2 available is
/// refused settings (and whoami) under highest_available; with required_aal aal1 it opens them; a session older than
/// the privileged window is sent to re-authenticate before a TOTP enrolment.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SettingsAalTests : FactorTest
{
    private static IEnumerable<TestCaseData> Aal2Required() => ConformanceCases.ForStyles(
        Id("settings", "totp", "aal2-required"),
        "factors §7.2/§2.1: with TOTP enrolled, an aal1 session gets settings only after aal2: browser 303 to the aal2 login, SPA and native 403 session_aal2_required; whoami 403 too");

    private static IEnumerable<TestCaseData> Aal1Allowed() => ConformanceCases.ForStyles(
        Id("settings", "totp", "aal1-allowed"),
        "factors §7.1/§7.2: with selfservice.flows.settings.required_aal aal1 the same aal1 session opens settings");

    private static IEnumerable<TestCaseData> Privileged() => ConformanceCases.ForStyles(
        Id("settings", "totp", "privileged"),
        "factors §7.3/§7.4/§1.5: enrolling TOTP with a session older than privileged_session_max_age: browser 303 to the refresh login, SPA and native 403 session_refresh_required; nothing stored");

    [TestCaseSource(nameof(Aal2Required))]
    public async Task SettingsNeedAal2(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Totp);
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithTotpAsync(client, identity);
        var user = await steps.SignedInAal1Async(client, identity);

        var refused = steps.Observe(await steps.Driver.OpenSettingsAsync(user), "after opening settings with an aal1 session while TOTP makes aal2 available");
        if (client == ClientStyle.Browser)
        {
            SettingsChecks.RedirectsToLogin(refused, steps.PublicUrl, "aal=aal2", null, "highest_available sends an aal1 browser to the aal2 login, factors spec §7.2 row 1");
        }
        else
        {
            var error = StatusChecks.ErrorReturned(refused, client, 403, "session_aal2_required");
            ErrorChecks.RedirectsToAal2Login(refused, error, steps.PublicUrl);
        }

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the aal1 session");
        StatusChecks.ErrorReturned(whoami, ClientStyle.Spa, 403, "session_aal2_required");
    }

    [TestCaseSource(nameof(Aal1Allowed))]
    public async Task SettingsAtAal1(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.SettingsAal1);
        var identity = await NewIdentityAsync(steps.Deployment);
        await steps.WithTotpAsync(client, identity);
        var user = await steps.SignedInAal1Async(client, identity);

        await steps.OpenSettingsAsync(user, identity, "after opening settings with an aal1 session under required_aal aal1");
    }

    [TestCaseSource(nameof(Privileged))]
    public async Task PrivilegedWindow(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.SettingsPrivileged);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);
        var signedIn = DateTimeOffset.UtcNow;

        var opened = await steps.OpenSettingsAsync(user, identity, "after opening settings (opening is not privileged)");
        var secret = FactorChecks.SecretShown(opened);
        var flow = FlowChecks.Flow(opened);
        await WaitOutAsync(signedIn, steps.Deployment.Facts.PrivilegedSessionMaxAge);
        var stale = steps.Observe(await steps.Driver.SubmitTotpEnrolmentAsync(user, flow, TotpCode.At(secret)), "after enrolling TOTP with a session older than privileged_session_max_age (1ms)");
        if (client == ClientStyle.Browser)
        {
            var submitUrl = new Uri(steps.PublicUrl, "self-service/settings?flow=" + flow.Id).AbsoluteUri;
            SettingsChecks.RedirectsToLogin(stale, steps.PublicUrl, "refresh=true", submitUrl, "the payload is paused and the browser sent to re-authenticate, factors spec §7.4 browser row");
        }
        else
        {
            StatusChecks.ErrorReturned(stale, client, 403, "session_refresh_required");
        }

        var stored = await steps.StoredAsync(identity, "totp", "on the admin API after the refused enrolment");
        FactorChecks.CredentialIs(stored, identity.Id, "totp", present: false, null, "a stale session stores nothing, factors spec §3.3, §7.4");
    }

    // The window's end is a point in time; nothing observable changes when it passes, so the one polling helper watches
    // the clock (as the expired-code scenario does), with a deadline the run's patience scales. With the profile's 1ms
    // window it returns at the first look.
    private Task WaitOutAsync(DateTimeOffset signedIn, TimeSpan window)
    {
        var patience = Scope.Settings.Patience;
        var deadline = new Deadline("privileged window wait", window + patience.For("grace", TimeSpan.FromSeconds(2)).Limit, patience);
        return Poll.UntilAsync(
            _ => Task.FromResult(DateTimeOffset.UtcNow),
            now => now > signedIn + window,
            new PollOptions($"privileged_session_max_age of {window} to pass since the sign-in", deadline));
    }
}
