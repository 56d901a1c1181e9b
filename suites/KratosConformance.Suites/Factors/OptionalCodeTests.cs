using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// The optional code-MFA variant (factors spec §9, the code-optional profile: the code address is the optional trait
/// backup_email, not the login email; settings and whoami at highest_available). An identity without the address
/// signs in at aal1 and uses settings; one with it gets the aal2 code screen, the code at that address only, and
/// settings only after aal2. Up to v1.3.1 code MFA counts for every identity (factors spec §12), so there the identity
/// without an address is asked for a second factor it can not give.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OptionalCodeTests : FactorTest
{
    private static IEnumerable<TestCaseData> WithoutAddress() => ConformanceCases.ForStyles(
        Id("login", "code-optional", "without-address"),
        "factors §9/§2.1/§12: without the optional code address a password login is the whole login: aal1 [password], whoami 200 and settings open (up to v1.3.1: whoami 403 session_aal2_required)");

    private static IEnumerable<TestCaseData> WithAddress() => ConformanceCases.ForStyles(
        Id("login", "code-optional", "with-address"),
        "factors §9/§6.2: with the optional address the aal2 screen offers that address only (v26.2.0 sends at once), the code goes there and not to the login email, and completes aal2 [password, code]");

    private static IEnumerable<TestCaseData> SettingsNeedAal2() => ConformanceCases.ForStyles(
        Id("settings", "code-optional", "aal2-required"),
        "factors §9/§7.2: with the optional address an aal1 session gets settings only after aal2: browser 303 to the aal2 login, SPA and native 403 session_aal2_required; whoami 403 too");

    [TestCaseSource(nameof(WithoutAddress))]
    public async Task WithoutTheOptionalAddress(ClientStyle client)
    {
        var (steps, expect) = await StepsAsync();
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        var signedIn = steps.Observe(await steps.Driver.Settings(user).Client.SignInWithPasswordAsync(identity.Email, identity.Password), "after signing in with the password of an identity without the optional code address");
        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the password login");
        if (expect.CodeMfaCountsEveryIdentity)
        {
            StatusChecks.ErrorReturned(whoami, ClientStyle.Spa, 403, "session_aal2_required");
            return;
        }

        StatusChecks.LoginSucceeded(signedIn, client);
        StatusChecks.Is(whoami, 200, "without a code address aal1 is the highest AAL available, factors spec §9, §2.1");
        var session = SessionChecks.Session(whoami);
        SessionChecks.Aal(whoami, session, "aal1", "the password is the only factor, factors spec §9");
        SessionChecks.Methods(whoami, session, [("password", "aal1")], "no second factor was asked for, factors spec §9 (expectMethods [password])");
        await steps.OpenSettingsAsync(user, identity, "after opening settings with the aal1 session of an identity without the optional code address");
    }

    [TestCaseSource(nameof(WithAddress))]
    public async Task WithTheOptionalAddress(ClientStyle client)
    {
        var (steps, expect) = await StepsAsync();
        var identity = await NewIdentityWithSecondAddressAsync(steps.Deployment);
        var address = identity.SecondEmail!;
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);

        var created = await steps.Code.StartAal2Async(user);
        var flow = FlowChecks.Flow(created);
        if (!expect.AutoSendsAal2)
        {
            NodeChecks.Present(created, new NodeExpectation("code", "address", "submit") { Value = address, LabelId = 1010023, LabelContext = new Dictionary<string, string> { ["address"] = address } }, "the optional trait is the identity's code address, factors spec §9");
            var sent = steps.Observe((await Scope.Driver(steps.Deployment).SendCodeAsync(user, flow, address))!, "after pressing the optional address's button");
            StatusChecks.FlowRendered(sent, client);
            FlowChecks.State(sent, "sent_email", "pressing the address sends the code, factors spec §9 (code spec §2.8)");
            flow = FlowChecks.Flow(sent);
        }

        var mail = await Scope.Mail.WaitForCodeAsync(steps.Deployment, address, 1);
        var done = steps.Observe(await Scope.Driver(steps.Deployment).SubmitCodeAsync(user, flow, mail.Code, address, "submit the code from the optional address's mail"), "after submitting the code sent to the optional address");
        StatusChecks.LoginSucceeded(done, client);
        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami after the code");
        SessionChecks.Aal2AfterCode(whoami, identity.Id, SessionChecks.PasswordThenCode, identity.Email, (string?)identity.Raw["schema_id"]);

        var loginInbox = await Scope.Mail.ListSettledAsync(steps.Deployment, identity.Email, 0);
        MailChecks.Count(done, loginInbox, 0, "the login email is no code address in this schema, so no code goes there, factors spec §9");
    }

    [TestCaseSource(nameof(SettingsNeedAal2))]
    public async Task SettingsWithTheOptionalAddress(ClientStyle client)
    {
        var (steps, _) = await StepsAsync();
        var identity = await NewIdentityWithSecondAddressAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);

        var refused = steps.Observe(await steps.Driver.OpenSettingsAsync(user), "after opening settings with an aal1 session while the optional code address makes aal2 available");
        if (client == ClientStyle.Browser)
        {
            SettingsChecks.RedirectsToLogin(refused, steps.PublicUrl, "aal=aal2", null, "highest_available sends an aal1 browser to the aal2 login, factors spec §9, §7.2 row 1");
        }
        else
        {
            var error = StatusChecks.ErrorReturned(refused, client, 403, "session_aal2_required");
            ErrorChecks.RedirectsToAal2Login(refused, error, steps.PublicUrl);
        }

        var whoami = steps.Observe(await user.WhoAmIAsync(), "on /sessions/whoami with the aal1 session");
        StatusChecks.ErrorReturned(whoami, ClientStyle.Spa, 403, "session_aal2_required");
    }

    private async Task<(FactorSteps Steps, Expectations.VersionExpectations Expect)> StepsAsync()
    {
        var (deployment, expect) = await DeploymentAsync(KratosProfiles.CodeOptional);
        return (new FactorSteps(Scope, deployment, expect), expect);
    }
}
