using System.Net;
using KratosConformance.Client;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Targets;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The steps every browser-ui scenario shares: a real Chromium signs in with the password through the login UI,
/// reaches the aal2 code screen, types the emailed code, and the session the browser ends up with is checked through
/// /sessions/whoami with the browser's own cookies. Which UI is driven: --ui-url (KC_UI_URL) with its selector map
/// (KC_UI_SELECTORS), else the deployment's selfservice.flows.login.ui_url (the harness's reference UI).
/// </summary>
public abstract class CodeMfaBrowserTest : PageTest
{
    /// <summary>The client id of every test of this suite.</summary>
    public const string Client = "browser-ui";

    /// <summary>
    /// 1010025 InfoSelfServiceLoginCodeSentForAuthenticatedUser: the code-sent info Kratos's own sent_email screen
    /// carries for an aal2 or refresh flow from after v26.2.0 on (spec §1 table, <c>selfservice/strategy/code/strategy.go</c>
    /// populateEmailSentFlow), replacing 1010014. Every flow of this suite is aal2 or refresh, so a UI that renders the
    /// newer id for that state (Ory Elements 1.x does, in its card header, whatever the flow carries) tells the user the
    /// same thing. The HTTP suites still check the exact id the version sends.
    /// </summary>
    protected const long CodeSentForAuthenticatedUser = 1010025;

    protected KratosDeployment Deployment { get; private set; } = null!;
    protected VersionExpectations Expect { get; private set; } = null!;
    protected LoginUi Ui { get; private set; } = null!;

    /// <summary>
    /// Resolves the deployment and the UI to drive: --ui-url (its base URL or login page), else the deployment's
    /// selfservice.flows.login.ui_url (from --config for an external deployment, the harness's reference UI otherwise);
    /// not applicable when neither is known. <paramref name="profile"/>: the configuration profile the scenario needs (the
    /// TOTP and backup-code scenarios run on theirs).
    /// </summary>
    protected async Task StartAsync(string client, string profile = Harness.Profiles.KratosProfiles.Default)
    {
        (Deployment, Expect) = await DeploymentAsync(profile);
        var loginUi = Scope.Settings.UiUrl is { } given
            ? new UiLocation(given, "--ui-url (KC_UI_URL)")
            : Deployment.Facts.LoginUiUrl is { } configured
                ? new UiLocation(configured, "selfservice.flows.login.ui_url of the deployment's config")
                : null;
        if (loginUi is null)
        {
            NotApplicable.Because($"no login UI is known for target {Scope.Target.Name}: pass --ui-url (KC_UI_URL) with the UI's base URL or login page, or --config with selfservice.flows.login.ui_url");
        }

        var selectors = UiSelectors.Load(Scope.Settings.UiSelectorsFile);
        Ui = new LoginUi(Page, Deployment.Endpoints.PublicUrl, loginUi!, selectors, TestId, Evidence, ActionDeadline);
        Step($"{client}: Chromium drives {loginUi.Url} ({loginUi.Source}) with {selectors.Source}");
    }

    /// <summary>
    /// Password sign-in through the UI, ending on the aal2 screen: under highest_available Kratos sends the browser there
    /// itself (spec §4.2); under whoami required_aal=aal1 the test opens ?aal=aal2 like an application would.
    /// </summary>
    protected async Task SignInWithPasswordAsync(TestIdentity identity)
    {
        await Ui.OpenAsync(string.Empty, "when opening a new login flow");
        Step($"sign in with the password of {identity.Email}");
        await Ui.SignInWithPasswordAsync(identity.Email, identity.Password);
        if (Expect.WhoamiRequiresHighestAvailable)
        {
            await Ui.ExpectOnLoginPageAsync("after the password", "an identity with code MFA is redirected to ?aal=aal2 after its first factor, spec §4.2", newFlow: true);
        }
        else
        {
            await Ui.ExpectSignedInAsync("after the password (whoami.required_aal aal1: the password ends the flow, spec §4.2)");
            await Ui.OpenAsync("aal=aal2", "when opening an aal2 flow");
        }
    }

    /// <summary>
    /// From a fresh aal2 flow to the code form: press "Send code to …" (up to v25.4.0), or find the code already sent
    /// (v26.2.0+ fast path, spec §2.6). <paramref name="chooseMethodMessages"/> are the messages of the choose_method
    /// screen (spec §2.3 table), checked where that screen is shown.
    /// </summary>
    protected async Task ReachCodeFormAsync(TestIdentity identity, IReadOnlyList<long> chooseMethodMessages, string situation)
    {
        if (!Expect.AutoSendsAal2)
        {
            foreach (var id in chooseMethodMessages)
            {
                await Ui.ExpectMessageAsync(id, situation, "the choose_method screen's messages, spec §2.3");
            }

            Step($"send code to {identity.Email}");
            await Ui.PressSendCodeAsync(identity.Email);
        }

        await ExpectCodeFormAsync(Expect.AutoSendsAal2 ? situation + " (code sent at once, spec §2.6 fast path)" : "after pressing \"Send code to …\"");
    }

    /// <summary>The sent_email screen: the code-sent message and the code input (spec §2.9).</summary>
    protected async Task ExpectCodeFormAsync(string situation)
    {
        await Ui.ExpectMessageAsync(Expect.CodeSentMessageId, situation, "sent_email says the code was sent, spec §2.9", CodeSentForAuthenticatedUser);
        await Ui.ExpectVisibleAsync(NodeTarget.CodeField, situation, "sent_email asks for the code, spec §2.9");
        await Ui.ExpectVisibleAsync(NodeTarget.Resend, situation, "sent_email offers to resend, spec §2.9/§2.10");
    }

    /// <summary>Types the right code and expects to land signed in on the return URL (spec §2.14 step 5, browser row).</summary>
    protected async Task CompleteWithCodeAsync(string code, string situation)
    {
        Step("submit the emailed code");
        await Ui.SubmitCodeAsync(code, "submit the emailed code");
        await Ui.ExpectSignedInAsync(situation);
    }

    /// <summary>
    /// /sessions/whoami with the cookies the browser holds for Kratos's public URL: the session is aal2 with
    /// [password, code] and belongs to <paramref name="identity"/> (spec §2.14 step 3, §4.1).
    /// </summary>
    protected async Task<(Observation Observation, Session Session)> WhoAmIAal2Async(TestIdentity identity, string situation, IReadOnlyList<(string Method, string Aal)>? methods = null, int addedInSettings = 0)
    {
        var client = NewClient(ClientStyle.Browser, Deployment);
        var publicUrl = Deployment.Endpoints.PublicUrl;
        foreach (var cookie in await Context.CookiesAsync([publicUrl.AbsoluteUri]))
        {
            client.Cookies.Add(publicUrl, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        var o = Scope.Observe(await client.WhoAmIAsync(), situation);
        return (o, SessionChecks.Aal2AfterCode(o, identity.Id, methods, identity.Email, (string?)identity.Raw["schema_id"], addedInSettings));
    }
}
