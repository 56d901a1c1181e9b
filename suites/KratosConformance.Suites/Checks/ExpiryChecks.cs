using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What Kratos answers for a login flow past selfservice.flows.login.lifespan (spec §2.12, §1.6;
/// selfservice/flow/login/handler.go getLoginFlow and updateLoginFlow, selfservice/flow/login/error.go
/// PrepareReplacementForExpiredFlow, selfservice/flow/error.go NewFlowExpiredError; docs/kratos-facts.md "Expired login
/// flows"). A UI relies on these answers to start the user on a new flow instead of showing a dead form.
/// </summary>
public static partial class ExpiryChecks
{
    public static readonly CheckDefinition Fetch = new("flow.expired.fetch", "fetching an expired flow answers 410 self_service_flow_expired with where to start anew: details.redirect_to and details.return_to for a browser flow, details.api for an API flow", "genericError.details");
    public static readonly CheckDefinition Replaced = new("flow.expired.replaced", "submitting to an expired flow does not sign in: a browser is sent to a new flow in the login UI, a JSON client gets 410 self_service_flow_expired naming the new flow (use_flow_id), when the old one expired (expired_at) and how long ago (since)", "http.Location", "selfServiceFlowExpiredError.expired_at", "selfServiceFlowExpiredError.since", "selfServiceFlowExpiredError.use_flow_id");

    /// <summary>x/nosurfx ErrGone's message: the fetch keeps it (no WithError).</summary>
    public const string GoneMessage = "The requested resource is no longer available because it has expired or is otherwise invalid.";

    /// <summary>NewFlowExpiredError's WithError: the message of the submission's 410.</summary>
    public const string ExpiredMessage = "self-service flow expired";

    /// <summary>
    /// The 410 of fetching an expired flow: ErrGone's message, the reason for its type, details to start anew (a browser
    /// flow's restart URL carries the flow's <paramref name="returnTo"/>, flow.GetFlowExpiredRedirectURL).
    /// </summary>
    public static void FetchGone(Observation o, KratosError error, bool browserFlow, Uri publicUrl, string? returnTo)
    {
        var reason = browserFlow
            ? "The login flow has expired. Redirect the user to the login flow init endpoint to initialize a new login flow."
            : "The login flow has expired. Call the login flow init API endpoint to initialize a new login flow.";
        Texts(o, error, GoneMessage, reason, null, "getLoginFlow's nosurfx.ErrGone for a " + (browserFlow ? "browser" : "API") + " flow, spec §1.6");

        var details = error.Details;
        string? Detail(string name) => details?[name]?.GetValue<string>();
        var restart = new Uri(publicUrl, "self-service/login/browser").AbsoluteUri + (returnTo is null ? string.Empty : "?return_to=" + Uri.EscapeDataString(returnTo));
        var expected = browserFlow
            ? $"redirect_to {Check.Quote(restart)}, return_to {Check.Quote(returnTo ?? string.Empty)}"
            : $"api {Check.Quote(new Uri(publicUrl, "self-service/login/api").AbsoluteUri)}";
        var actual = browserFlow
            ? $"redirect_to {Check.Quote(Detail("redirect_to"))}, return_to {Check.Quote(Detail("return_to"))}"
            : $"api {Check.Quote(Detail("api"))}";
        Check.Verify(o, Fetch, expected == actual, new FailureText
        {
            Headline = "the expired flow's 410 does not say where to start anew",
            Subject = "error.details of self_service_flow_expired",
            Expectation = "be " + expected,
            Why = "getLoginFlow: flow.GetFlowExpiredRedirectURL for browser flows, the API init URL for API flows (spec §2.12)",
            Actual = "found " + actual,
            Expected = expected,
            Observed = details?.ToJsonString() ?? "(no details)",
        });
    }

    /// <summary>
    /// The 410 a JSON client gets for submitting to <paramref name="expired"/>: NewFlowExpiredError's texts and the
    /// replacement flow's id, the old flow's expires_at and the time since.
    /// </summary>
    public static void ReplacedForJson(Observation o, KratosError error, LoginFlow expired)
    {
        Texts(o, error, ExpiredMessage, null, ExpiredReason(), "NewFlowExpiredError, spec §2.12");
        var body = o.Response.Body;
        var useFlowId = body?["use_flow_id"]?.GetValue<string>();
        var expiredAt = body?["expired_at"]?.GetValue<string>();
        var since = body?["since"]?.GetValue<long>();
        var sameInstant = DateTimeOffset.TryParse(expiredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && at == expired.ExpiresAt;
        var ok = Guid.TryParse(useFlowId, out _) && useFlowId != expired.Id && sameInstant && since is >= 0;
        Check.Verify(o, Replaced, ok, new FailureText
        {
            Headline = "the expired flow's 410 does not name a new flow",
            Subject = "use_flow_id, expired_at and since next to the error",
            Expectation = "name a new flow (use_flow_id), the old flow's expires_at and the nanoseconds since",
            Why = "PrepareReplacementForExpiredFlow writes ExpiredError.WithFlow(newFlow), spec §2.12",
            Actual = $"found use_flow_id {Check.Quote(useFlowId)}, expired_at {Check.Quote(expiredAt)}, since {since?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}",
            Expected = $"use_flow_id ≠ {expired.Id}, expired_at {expired.ExpiresAt:O}, since ≥ 0",
            Observed = body?.ToJsonString() ?? "(no body)",
        });
    }

    /// <summary>The 303 a browser gets for submitting to the expired flow <paramref name="expiredId"/>: to a new flow in the login UI.</summary>
    public static void ReplacedForBrowser(Observation o, string expiredId, KratosEndpoints endpoints, KratosFacts facts)
    {
        var id = LoginUiFlowId(o.Response.Location, endpoints.PublicUrl, facts.LoginUiUrl);
        Check.Verify(o, Replaced, !string.IsNullOrEmpty(id) && id != expiredId, new FailureText
        {
            Headline = "the expired flow's redirect does not lead to a new flow",
            Subject = "the 303's Location",
            Expectation = "lead to the login UI with a new flow",
            Why = "updateLoginFlow redirects a browser to the replacement flow, spec §2.12",
            Actual = "it led to " + Check.Quote(o.Response.Location),
            Expected = "<login ui>?flow=<a new id, not " + expiredId + ">",
            Observed = o.Response.Location ?? "(none)",
        });
    }

    /// <summary>The flow id of a Location that is the login UI (<paramref name="loginUi"/>) with ?flow=; null otherwise.</summary>
    private static string? LoginUiFlowId(string? location, Uri publicUrl, Uri? loginUi)
    {
        if (loginUi is null || string.IsNullOrEmpty(location) || !Uri.TryCreate(publicUrl, location, out var target)
            || target.GetLeftPart(UriPartial.Path) != loginUi.GetLeftPart(UriPartial.Path))
        {
            return null;
        }

        return UrlChecks.FlowParameter(location, publicUrl);
    }

    private static void Texts(Observation o, KratosError error, string message, string? reason, Regex? reasonPattern, string why)
    {
        var reasonOk = reason is not null ? error.Reason == reason : reasonPattern!.IsMatch(error.Reason ?? string.Empty);
        var expectedReason = reason ?? "The self-service flow expired <minutes> minutes ago, initialize a new one.";
        Check.Verify(o, ErrorChecks.Texts, error.Message == message && reasonOk, new FailureText
        {
            Headline = "self_service_flow_expired has other texts",
            Subject = "message and reason of self_service_flow_expired",
            Expectation = $"be message {Check.Quote(message)}, reason {Check.Quote(expectedReason)}",
            Why = why,
            Actual = $"found message {Check.Quote(error.Message)}, reason {Check.Quote(error.Reason)}",
            Expected = $"message {Check.Quote(message)}, reason {Check.Quote(expectedReason)}",
            Observed = $"message {Check.Quote(error.Message)}, reason {Check.Quote(error.Reason)}",
        });
    }

    [GeneratedRegex(@"^The self-service flow expired \d+\.\d{2} minutes ago, initialize a new one\.$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpiredReason();
}
