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
    /// <summary>The response status is exactly <paramref name="expected"/>; <paramref name="meaning"/> says why (with the spec section).</summary>
    public static void Is(Observation o, int expected, string meaning)
    {
        if (o.Response.Status != expected)
        {
            Check.Fail(CheckFailure.About(
                o,
                Invariant($"status {o.Response.Status} instead of {expected}"),
                "the response status",
                Invariant($"be {expected} ({meaning})"),
                Invariant($"it was {o.Response.Status}"),
                expected.ToString(CultureInfo.InvariantCulture),
                o.Response.Error is { } error ? Invariant($"{o.Response.Status} ({error})") : o.Response.Status.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// A created flow (spec §2.2/§3 "create"): browser 303 to the login UI (the fixture follows it and fetches the
    /// flow), SPA and native 200 with the flow JSON, also when the code was auto-sent (§2.6 fast path).
    /// </summary>
    public static LoginFlow FlowCreated(Observation o, ClientStyle style) =>
        style == ClientStyle.Browser
            ? RedirectedToFlow(o, "the browser is sent to the login UI with the new flow (spec §2.2, §3 create)")
            : JsonFlow(o, 200, "a JSON client gets the new flow with 200 (spec §3 create; §2.6 fast path also 200)");

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
    /// cookie; SPA 200 with the session and continue_with redirect_browser_to; native 200 with session_token and session.
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
                BodyHas(o, o.Response.Session is not null, "session", "carry the session (spec §2.14 step 5)");
                ContinueWithChecks.RedirectBrowserTo(o);
                break;
            default:
                Is(o, 200, "a completed native login answers 200 with session_token and session, spec §2.14 / §3");
                BodyHas(o, o.Response.Session is not null, "session", "carry the session (spec §2.14 step 5)");
                BodyHas(o, !string.IsNullOrEmpty(o.Response.SessionToken), "session_token", "carry the session_token (spec §2.14 step 5)");
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
        }

        return ErrorChecks.Id(o, errorId);
    }

    private static LoginFlow RedirectedToFlow(Observation o, string meaning)
    {
        Is(o, 303, meaning);
        if (o.Flow is null)
        {
            Check.Fail(CheckFailure.About(
                o,
                "redirect does not lead to a login flow",
                "the 303",
                "point to the login UI with ?flow=<id> (" + meaning + ")",
                "no flow could be fetched from it",
                "Location: <login ui_url>?flow=<id>",
                "Location: " + (o.Response.Location ?? "(none)")) with
            {
                Hint = o.Response.Error is { } error
                    ? "Kratos sent the browser to the error UI instead: " + error
                    : "A redirect out of the login usually means Kratos accepted the submission and completed the login.",
            });
        }

        return o.Flow;
    }

    private static LoginFlow JsonFlow(Observation o, int status, string meaning)
    {
        Is(o, status, meaning);
        BodyHas(o, o.Flow is not null, "login flow", "be the login flow JSON (" + meaning + ")");
        return o.Flow!;
    }

    private static void BodyHas(Observation o, bool present, string what, string expectation)
    {
        if (!present)
        {
            Check.Fail(CheckFailure.About(
                o,
                what + " missing from the response",
                "the response body",
                expectation,
                "it did not",
                what,
                o.Response.Describe()));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
