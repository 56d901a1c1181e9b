using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// How Kratos answers each client style (spec §3 table). The same outcome has three wire forms: a server-rendered
/// browser gets 303 redirects, an SPA and a native app get JSON with a status that tells them what happened. Getting
/// the status wrong breaks real clients (an SPA treats 200 as "logged in"), so every step checks it.
/// </summary>
public static class StatusChecks
{
    public static readonly CheckDefinition Status = new("response.status", "the HTTP status is the one the spec gives this client style and outcome", "http.status");
    public static readonly CheckDefinition RedirectToFlow = new("redirect.login-ui", "a browser's 303 leads to the login UI with ?flow=<id>, and that flow can be fetched", "http.Location");
    public static readonly CheckDefinition FlowBody = new("response.flow", "a JSON client's body is the login flow", "loginFlow");
    public static readonly CheckDefinition SessionBody = new("response.session", "a completed login's body carries the session", "successfulNativeLogin.session");
    public static readonly CheckDefinition TokenBody = new("response.session_token", "a completed native login's body carries the session token: ory_st_ and 32 letters or digits (session/session.go: x.OrySessionToken + randx.MustString(32, AlphaNum))", "successfulNativeLogin.session_token");

    /// <summary>The response status is exactly <paramref name="expected"/>; <paramref name="meaning"/> says why (with the spec section).</summary>
    public static void Is(Observation o, int expected, string meaning)
    {
        var status = o.Response.Status;
        Check.Verify(o, Status, status == expected, new FailureText
        {
            Headline = Invariant($"status {status} instead of {expected}"),
            Subject = "the response status",
            Expectation = Invariant($"be {expected}"),
            Why = meaning,
            Actual = Invariant($"it was {status}"),
            Expected = expected.ToString(CultureInfo.InvariantCulture),
            Observed = o.Response.Error is { } error ? Invariant($"{status} ({error})") : status.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// A created flow (spec §2.2/§3 "create"): browser 303 to the login UI (the fixture follows it and fetches the
    /// flow), SPA and native 200 with the flow JSON, also when the code was auto-sent (§2.6 fast path).
    /// </summary>
    public static LoginFlow FlowCreated(Observation o, ClientStyle style)
    {
        if (style == ClientStyle.Browser)
        {
            return RedirectedToFlow(o, "the browser is sent to the login UI with the new flow (spec §2.2, §3 create)");
        }

        var flow = JsonFlow(o, 200, "a JSON client gets the new flow with 200 (spec §3 create; §2.6 fast path also 200)");
        // The v26.2.0 fast path hands back the sent_email form, which populateEmailSentFlow builds unsorted (spec §2.9).
        if (flow.State == "choose_method")
        {
            NodeChecks.Sorted(o, flow);
        }

        return flow;
    }

    /// <summary>
    /// A flow re-rendered after a submission that did not finish the login: code sent (§2.8 step 6), resend (§2.10),
    /// validation errors (§2.11, §2.13): browser 303 to the login UI, SPA and native 400 with the flow.
    /// </summary>
    public static LoginFlow FlowRendered(Observation o, ClientStyle style) =>
        style == ClientStyle.Browser
            ? RedirectedToFlow(o, "the browser is sent back to the login UI with the flow (spec §3)")
            : JsonFlow(o, 400, "JSON clients get 400 plus the flow until the login is complete (spec §2.8 step 6, §3)");

    /// <summary>
    /// A completed login (spec §2.14 step 5, §3 success): browser 303 away from the login and error UIs with a session
    /// cookie; SPA 200 with the session and continue_with redirect_browser_to; native 200 with session_token and
    /// session. A browser or SPA never receives a session token (it holds a cookie, spec §3).
    /// </summary>
    public static void LoginSucceeded(Observation o, ClientStyle style)
    {
        switch (style)
        {
            case ClientStyle.Browser:
                Is(o, 303, "a completed browser login redirects to return_to or the default return URL, spec §2.14");
                RedirectChecks.NotIntoFlow(o, "a completed login leaves for return_to or the default return URL, spec §2.14 step 5");
                break;
            case ClientStyle.Spa:
                Is(o, 200, "a completed SPA login answers 200 with the session, spec §2.14 / §3");
                HeaderChecks.JsonContentType(o);
                BodyHas(o, SessionBody, o.Response.Session is not null, "session", "carry the session", "spec §2.14 step 5");
                AbsenceChecks.NoSessionToken(o, "a browser flow's session lives in the cookie; a token in the body would hand a bearer credential to page scripts, spec §2.14 step 5 (SPA row), §3");
                ContinueWithChecks.RedirectBrowserTo(o);
                break;
            default:
                Is(o, 200, "a completed native login answers 200 with session_token and session, spec §2.14 / §3");
                HeaderChecks.JsonContentType(o);
                BodyHas(o, SessionBody, o.Response.Session is not null, "session", "carry the session", "spec §2.14 step 5");
                SessionTokenShaped(o);
                ContinueWithChecks.NoBrowserRedirect(o);
                break;
        }
    }

    /// <summary>
    /// A Kratos error (spec §1.6, §3): the browser is sent to the error UI (the fixture reads the stored error from
    /// /self-service/errors), JSON clients get <paramref name="jsonStatus"/> with the error envelope.
    /// </summary>
    public static KratosError ErrorReturned(Observation o, ClientStyle style, int jsonStatus, string errorId)
    {
        if (style == ClientStyle.Browser)
        {
            Is(o, 303, Invariant($"a browser is sent to the error UI for {errorId}, spec §3"));
        }
        else
        {
            Is(o, jsonStatus, Invariant($"{errorId} is answered with {jsonStatus}, spec §1.6"));
            HeaderChecks.JsonContentType(o);
        }

        return ErrorChecks.Id(o, errorId);
    }

    /// <summary>A 303 to the login UI with ?flow=&lt;id&gt; whose flow the fixture fetched (spec §2.2, §3).</summary>
    public static LoginFlow RedirectedToFlow(Observation o, string meaning)
    {
        Is(o, 303, meaning);
        var text = new FailureText
        {
            Headline = "redirect does not lead to a login flow",
            Subject = "the 303",
            Expectation = "point to the login UI with ?flow=<id>",
            Why = meaning,
            Actual = "no flow could be fetched from it",
            Expected = "Location: <login ui_url>?flow=<id>",
            Observed = "Location: " + (o.Response.Location ?? "(none)"),
            Hint = o.Response.Error is { } error
                ? "Kratos sent the browser to the error UI instead: " + error
                : "A redirect out of the login usually means Kratos accepted the submission and completed the login.",
        };
        if (o.Flow is null)
        {
            Check.Require(o, RedirectToFlow, text);
        }

        Check.Passed(o, RedirectToFlow, text);
        return o.Flow;
    }

    private static LoginFlow JsonFlow(Observation o, int status, string meaning)
    {
        Is(o, status, meaning);
        HeaderChecks.JsonContentType(o);
        var text = Missing(o, "login flow", "be the login flow JSON", meaning);
        if (o.Flow is null)
        {
            Check.Require(o, FlowBody, text);
        }

        Check.Passed(o, FlowBody, text);
        return o.Flow;
    }

    /// <summary>The native login's session_token, as Kratos makes every session token at v1.3.1–v26.2.0: ory_st_ + 32 alphanumerics.</summary>
    private static void SessionTokenShaped(Observation o)
    {
        var token = o.Response.SessionToken;
        if (string.IsNullOrEmpty(token))
        {
            BodyHas(o, TokenBody, false, "session_token", "carry the session_token", "spec §2.14 step 5");
            return;
        }

        var shaped = token.Length == 39 && token.StartsWith("ory_st_", StringComparison.Ordinal) && token[7..].All(char.IsAsciiLetterOrDigit);
        Check.Verify(o, TokenBody, shaped, new FailureText
        {
            Headline = "session_token not in Kratos's form",
            Subject = "session_token of the completed native login",
            Expectation = "be ory_st_ followed by 32 letters or digits",
            Why = "session/session.go NewActiveSession: x.OrySessionToken (x/token_prefixes.go) + randx.MustString(32, randx.AlphaNum)",
            Actual = $"it is {token.Length} characters, starting {Check.Quote(token[..Math.Min(7, token.Length)])}",
            Expected = "ory_st_ + 32 × [A-Za-z0-9]",
            Observed = token[..Math.Min(7, token.Length)] + "… (" + token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters; the rest is a secret)",
        });
    }

    private static void BodyHas(Observation o, CheckDefinition definition, bool present, string what, string expectation, string why) =>
        Check.Verify(o, definition, present, Missing(o, what, expectation, why));

    private static FailureText Missing(Observation o, string what, string expectation, string why) => new()
    {
        Headline = what + " missing from the response",
        Subject = "the response body",
        Expectation = expectation,
        Why = why,
        Actual = "it did not",
        Expected = what,
        Observed = o.Response.Describe(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
