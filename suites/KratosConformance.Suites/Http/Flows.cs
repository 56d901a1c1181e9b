using System.Globalization;
using KratosConformance.Client;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Http;

/// <summary>
/// The checks around the steps every code-MFA scenario shares. The steps themselves (password first, then an aal2
/// flow, the code sent by the version's auto-send or by the address button, a code submitted, whoami) are the client
/// library's <see cref="CodeLoginDriver"/>; each step here runs one and checks what the spec says about its answer,
/// so a scenario fails at the first step that deviates, naming that step.
/// </summary>
public sealed class Flows(ConformanceScope scope, KratosDeployment deployment, VersionExpectations expect)
{
    private readonly CodeLoginDriver _driver = scope.Driver(deployment);

    /// <summary>The precondition every code-MFA scenario starts from: a password login that leaves an aal1 session.</summary>
    public static readonly CheckDefinition PasswordSignIn = new("precondition.password-login", "the password first factor leaves an aal1 session (200 native, 303 browser, 422 SPA)", "http.status");

    public KratosDeployment Deployment => deployment;
    public VersionExpectations Expect => expect;

    public Observation Observe(KratosResponse response, string situation) => scope.Observe(response, situation);

    /// <summary>
    /// Signs in with the password (spec §8 last point). A precondition, not the subject: it only has to leave an aal1
    /// session behind, which Kratos says with 200 (native, or without MFA enforcement), 303 (browser) or 422 (SPA sent
    /// to the aal2 login, spec §3 last row).
    /// </summary>
    public async Task<Aal1SignIn> SignInAal1Async(KratosClient client, TestIdentity identity)
    {
        var response = await _driver.SignInWithPasswordAsync(client, identity);
        var o = Observe(response, "after signing in with the password (the precondition of every code-MFA scenario)");
        var failed = response.Status is not (200 or 303 or 422) || response.Flow is not null;
        var text = new FailureText
        {
            Headline = "password sign-in failed",
            Subject = "the password login",
            Expectation = "leave an aal1 session",
            Why = "200 native, 303 browser, 422 SPA sent to the aal2 login; spec §3, §4.2",
            Actual = "it answered " + response.Status.ToString(CultureInfo.InvariantCulture),
            Expected = "200 | 303 | 422 without a flow",
            Observed = response.Describe(),
            Hint = "The scenario needs a password first factor: check the profile's password method and the identity schema (spec §8).",
        };
        if (failed)
        {
            Check.Require(o, PasswordSignIn, text);
        }

        Check.Passed(o, PasswordSignIn, text);
        if (client.Style == ClientStyle.Native)
        {
            AbsenceChecks.NoSessionCookie(o, deployment.Facts.SessionCookieName);
        }
        else
        {
            AbsenceChecks.NoSessionToken(o, "a browser flow's first factor sets the session cookie, never a token, spec §3");
            CookieChecks.SessionCookie(o, deployment.Facts, null);
        }

        return new Aal1SignIn(o, response.Session, client.Style == ClientStyle.Native ? client.SessionToken : null);
    }

    /// <summary>
    /// Creates an aal1 refresh flow on the client's session and answers it with <paramref name="answeringAs"/>'s
    /// identifier and password (spec §2.3 last rows); the answer is the caller's to check. <see cref="PasswordRefresh.CsrfBefore"/>
    /// is the CSRF cookie the client sent with the answer (null for native clients).
    /// </summary>
    public async Task<PasswordRefresh> RefreshWithPasswordAsync(KratosClient client, TestIdentity answeringAs, string situation)
    {
        var refresh = Observe(await client.CreateLoginFlowAsync(new LoginFlowOptions { Refresh = true }), "after creating an aal1 refresh login flow on the aal1 session");
        StatusChecks.FlowCreated(refresh, client.Style);
        FlowChecks.Refresh(refresh, true);
        var csrf = CookieChecks.CsrfValue(client, deployment.Endpoints.PublicUrl);
        var answer = Observe(await client.SubmitLoginAsync(FlowChecks.Flow(refresh), LoginSubmission.Password(answeringAs.Email, answeringAs.Password)), situation);
        return new PasswordRefresh(FlowChecks.Flow(refresh), answer, csrf);
    }

    /// <summary>
    /// A first factor Kratos accepted while highest_available still asks for the second (spec §3 last row, §4.2): the
    /// browser is sent to the aal2 browser login, the SPA gets 422 browser_location_change_required pointing there,
    /// and the native client 200 with its aal1 session.
    /// </summary>
    public void AcceptedAskingForAal2(Observation o, ClientStyle style, string why)
    {
        var publicUrl = deployment.Endpoints.PublicUrl;
        switch (style)
        {
            case ClientStyle.Browser:
                StatusChecks.Is(o, 303, why);
                RedirectChecks.ToAal2Login(o, publicUrl, why);
                break;
            case ClientStyle.Spa:
                ErrorChecks.RedirectsToAal2Login(o, StatusChecks.ErrorReturned(o, style, 422, "browser_location_change_required"), publicUrl);
                break;
            default:
                StatusChecks.Is(o, 200, why);
                break;
        }
    }

    /// <summary>
    /// Creates an aal2 flow (refresh optional) and checks its creation: status per style (spec §3 create), requested_aal
    /// aal2, refresh, type, and the state the version starts in: sent_email where the code is auto-sent (v26.2.0+,
    /// spec §2.6 fast path), else choose_method.
    /// </summary>
    public async Task<Observation> StartAal2Async(KratosClient client, bool refresh = false)
    {
        var response = await _driver.CreateAal2FlowAsync(client, refresh);
        var o = Observe(response, refresh ? "after creating an aal2 refresh login flow" : "after creating an aal2 login flow");
        StatusChecks.FlowCreated(o, client.Style);
        FlowChecks.RequestedAal(o, "aal2");
        FlowChecks.Type(o, client.Style);
        FlowChecks.Refresh(o, refresh);
        FlowShape(o, client.Style, refresh, returnTo: null);
        if (expect.AutoSendsAal2)
        {
            FlowChecks.State(o, "sent_email", $"Kratos {expect.Version} sends the code on creation when it is the only second factor, spec §2.6 fast path");
        }
        else
        {
            FlowChecks.State(o, "choose_method", $"Kratos {expect.Version} does not auto-send; the user picks an address first, spec §2.4, §2.6");
        }

        return o;
    }

    /// <summary>
    /// Brings a created flow to sent_email: nothing to do where the version auto-sent (the state was checked on
    /// creation); otherwise presses the address button (spec §2.8: <c>address=&lt;addr&gt;</c>, no method) and checks
    /// the answer (303 / 400 + flow, sent_email). Returns the observation that shows the sent_email flow.
    /// </summary>
    public async Task<Observation> SendCodeAsync(KratosClient client, Observation created, TestIdentity identity)
    {
        var response = await _driver.SendCodeAsync(client, FlowChecks.Flow(created), identity.Email);
        if (response is null)
        {
            return created;
        }

        var o = Observe(response, "after pressing the address button");
        StatusChecks.FlowRendered(o, client.Style);
        FlowChecks.State(o, "sent_email", "sending the code moves the flow to sent_email, spec §2.4, §2.8 step 5");
        FlowChecks.SameFlow(o, FlowChecks.Flow(created).Id, "the code is sent on the flow the button belongs to, spec §2.8 step 5");
        FlowChecks.FormPostsToFlow(o, deployment.Endpoints.PublicUrl);
        return o;
    }

    /// <summary><see cref="StartAal2Async"/> then <see cref="SendCodeAsync"/>: the sent_email flow most scenarios start from.</summary>
    public async Task<LoginFlow> StartWithCodeSentAsync(KratosClient client, TestIdentity identity, bool refresh = false)
    {
        var created = await StartAal2Async(client, refresh);
        var sent = await SendCodeAsync(client, created, identity);
        return FlowChecks.Flow(sent);
    }

    /// <summary>Presses resend (spec §2.10); the answer is the caller's to check.</summary>
    public async Task<Observation> ResendAsync(KratosClient client, LoginFlow flow, TestIdentity identity) =>
        Observe(await _driver.ResendCodeAsync(client, flow, identity.Email), "after pressing resend");

    /// <summary>Submits a code the way the sent_email form does (method=code, code, the hidden identifier; spec §2.9).</summary>
    public async Task<Observation> SubmitCodeAsync(KratosClient client, LoginFlow flow, string code, TestIdentity identity, string situation) =>
        Observe(await _driver.SubmitCodeAsync(client, flow, code, identity.Email, situation), "after " + situation);

    /// <summary>
    /// Submits the code and checks the login completed for the style (spec §2.14 step 5, §3 success): where it sends
    /// the browser (the flow's return_to, else the configured return URL after a code login), the session cookie a
    /// browser or SPA gets and a native app does not, and the session a JSON client is given: aal2, its identity
    /// shown and without credentials.
    /// </summary>
    public async Task<Observation> CompleteAsync(KratosClient client, LoginFlow flow, string code, TestIdentity identity, string situation = "submitting the emailed code")
    {
        var o = await SubmitCodeAsync(client, flow, code, identity, situation);
        StatusChecks.LoginSucceeded(o, client.Style);
        if (o.Response.Session is { } session)
        {
            SessionChecks.Aal(o, session, "aal2", "the code completes the second factor, spec §2.14 step 3");

            // The answer's session is the one whoami gives: its identity shown (the session satisfies the required
            // AAL), declassified (selfservice/flow/login/hook.go PostLoginHook writes s.Declassified()).
            SessionChecks.IdentityIs(o, session, identity.Id, identity.Email);
            AbsenceChecks.NoCredentials(o, session);
        }

        var facts = deployment.Facts;
        var returnTo = flow.ReturnTo is { } r && Uri.TryCreate(r, UriKind.Absolute, out var u) ? u : facts.CodeLoginReturnUrl;
        var where = flow.ReturnTo is null
            ? "no return_to: selfservice.flows.login.after.code.default_browser_return_url, else the default, spec §2.14 step 5"
            : "the flow's return_to, spec §2.14 step 5";
        switch (client.Style)
        {
            case ClientStyle.Browser:
                if (returnTo is not null)
                {
                    RedirectChecks.To(o, returnTo, where);
                }

                CookieChecks.SessionCookie(o, facts, null);
                break;
            case ClientStyle.Spa:
                if (returnTo is not null)
                {
                    ContinueWithChecks.RedirectsTo(o, returnTo, where);
                }

                CookieChecks.SessionCookie(o, facts, o.Response.Session?.ExpiresAt);
                break;
            default:
                AbsenceChecks.NoSessionCookie(o, facts.SessionCookieName);
                break;
        }

        return o;
    }

    /// <summary>
    /// What every new aal2 flow carries beyond its state (spec §2.5): its form posts to ui.action, its lifetime is
    /// the login lifespan, request_url is the init request, return_to only when one was given.
    /// </summary>
    public void FlowShape(Observation o, ClientStyle style, bool refresh, string? returnTo)
    {
        var publicUrl = deployment.Endpoints.PublicUrl;
        FlowChecks.FormPostsToFlow(o, publicUrl);
        FlowChecks.LifetimeIs(o, deployment.Facts.LoginFlowLifespan);
        var query = new Dictionary<string, string> { ["aal"] = "aal2" };
        if (refresh)
        {
            query["refresh"] = "true";
        }

        if (returnTo is not null)
        {
            query["return_to"] = returnTo;
        }

        FlowChecks.CreatedBy(o, publicUrl, style == ClientStyle.Native ? "self-service/login/api" : "self-service/login/browser", query);
        FlowChecks.ReturnTo(o, returnTo, returnTo is null ? "no return_to was given, spec §2.5 (omitted if none)" : "return_to of the init request, spec §2.3, §2.5");
    }

    /// <summary>
    /// /sessions/whoami after the second factor: 200 with an aal2 session of the identity carrying
    /// <paramref name="methods"/> (default [password/aal1, code/aal2], spec §2.14 step 3, §4.1).
    /// </summary>
    public async Task<(Observation Observation, Session Session)> WhoAmIAal2Async(KratosClient client, TestIdentity identity, IReadOnlyList<(string Method, string Aal)>? methods = null, int addedInSettings = 0)
    {
        var o = Observe(await _driver.WhoAmIAsync(client), "on /sessions/whoami after the second factor");
        return (o, SessionChecks.Aal2AfterCode(o, identity.Id, methods, identity.Email, (string?)identity.Raw["schema_id"], addedInSettings));
    }

    /// <summary>A code that is certainly not <paramref name="code"/> and still six digits: every digit shifted by one.</summary>
    public static string WrongCode(string code) => CodeLoginDriver.WrongCode(code);
}

/// <summary>A refresh flow answered with a password: the flow as created, the answer, and the CSRF cookie sent with it.</summary>
public sealed record PasswordRefresh(LoginFlow Flow, Observation Answer, string? CsrfBefore);
