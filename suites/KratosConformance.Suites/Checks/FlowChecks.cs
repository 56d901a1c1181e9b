using System.Web;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The flow's own fields: state (choose_method → sent_email → passed_challenge, spec §2.4), requested_aal, refresh,
/// type, where its form posts to, its lifetime and the request it was created by. UIs decide what to render from the
/// state and post to ui.action, so a wrong state or action is a broken login even when the messages look right.
/// </summary>
public static class FlowChecks
{
    public static readonly CheckDefinition Present = new("flow.present", "the response carries (or the redirect leads to) a login flow", "loginFlow");
    public static readonly CheckDefinition StateIs = new("flow.state", "state is the one the spec names for the step", "loginFlow.state");
    public static readonly CheckDefinition RequestedAalIs = new("flow.requested_aal", "requested_aal is what the aal query parameter asked for", "loginFlow.requested_aal");
    public static readonly CheckDefinition RefreshIs = new("flow.refresh", "refresh is what the query asked for (false without a session)", "loginFlow.refresh");
    public static readonly CheckDefinition TypeIs = new("flow.type", "type is browser for browser and SPA flows, api for native ones", "loginFlow.type");
    public static readonly CheckDefinition ActiveIs = new("flow.active", "active names the method that last acted on the flow: code once a code was sent, password after the password", "loginFlow.active");
    public static readonly CheckDefinition IdIs = new("flow.id", "the flow keeps its id across submissions", "loginFlow.id");
    public static readonly CheckDefinition Action = new("flow.ui.action", "ui.action is <public base URL>self-service/login?flow=<id> and ui.method is POST: where every client posts the form", "loginFlow.ui", "uiContainer.action", "uiContainer.method");
    public static readonly CheckDefinition Lifetime = new("flow.expires_at", "expires_at is issued_at plus selfservice.flows.login.lifespan; created_at and updated_at lie within it", "loginFlow.expires_at", "loginFlow.issued_at", "loginFlow.created_at", "loginFlow.updated_at");
    public static readonly CheckDefinition RequestUrl = new("flow.request_url", "request_url is the public init URL the client called, with its aal, refresh and return_to", "loginFlow.request_url");
    public static readonly CheckDefinition Kept = new("flow.kept", "a submission on the flow (resend, error) keeps its id, issued_at, expires_at, request_url and requested_aal", "loginFlow.id", "loginFlow.issued_at", "loginFlow.expires_at", "loginFlow.request_url", "loginFlow.requested_aal");
    public static readonly CheckDefinition ReturnToIs = new("flow.return_to", "return_to is the validated return_to of the init request, or absent without one", "loginFlow.return_to");

    /// <summary>The response carries a login flow; returns it. Stops the test without one: nothing after it can be read.</summary>
    public static LoginFlow Flow(Observation o)
    {
        var text = new FailureText
        {
            Headline = "no login flow in the response",
            Subject = "the response",
            Expectation = "carry the login flow",
            Actual = "it did not",
            Expected = "a login flow",
            Observed = o.Flow is null ? o.Response.Describe() : "flow " + FlowDescription.ShortId(o.Flow.Id),
        };
        if (o.Flow is null)
        {
            Check.Require(o, Present, text);
        }

        return o.Flow;
    }

    /// <summary>state is <paramref name="expected"/> (spec §2.4); <paramref name="why"/> cites the section.</summary>
    public static void State(Observation o, string expected, string why) =>
        Field(o, StateIs, "state", expected, Flow(o).State, why);

    /// <summary>requested_aal; an aal2 flow must stay aal2 or the session is never upgraded (spec §2.3, §2.5).</summary>
    public static void RequestedAal(Observation o, string expected) =>
        Field(o, RequestedAalIs, "requested_aal", expected, Flow(o).RequestedAal, "the aal query parameter decides it, spec §2.3");

    /// <summary>refresh (spec §2.3: parsed from the query, forced false without a session).</summary>
    public static void Refresh(Observation o, bool expected) =>
        Field(o, RefreshIs, "refresh", expected ? "true" : "false", Flow(o).Refresh ? "true" : "false", "from the refresh query parameter, spec §2.3");

    /// <summary>type: "browser" for browser and SPA flows, "api" for native ones (spec §2.5).</summary>
    public static void Type(Observation o, ClientStyle style) =>
        Field(o, TypeIs, "type", style == ClientStyle.Native ? "api" : "browser", Flow(o).Type, "browser flows for browser and SPA, api for native, spec §2.5");

    /// <summary>active is "code" once a code was sent (spec §2.4, §2.9), "password" after the password (password/login.go).</summary>
    public static void Active(Observation o, string expected, string why = "set once a code was sent, spec §2.4") =>
        Field(o, ActiveIs, "active", expected, Flow(o).Active ?? "(none)", why);

    /// <summary>The response carries the same flow as before: errors are written onto the flow, not into a new one.</summary>
    public static void SameFlow(Observation o, string expectedId, string why) =>
        Field(o, IdIs, "id", expectedId, Flow(o).Id, why);

    /// <summary>
    /// ui.action is <c>&lt;serve.public.base_url&gt;self-service/login?flow=&lt;id&gt;</c> and ui.method POST (spec §2.5):
    /// every client, Ory's SDKs and UIs included, posts the form there, so an action pointing elsewhere breaks the login.
    /// </summary>
    public static void FormPostsToFlow(Observation o, Uri publicUrl)
    {
        var flow = Flow(o);
        var expected = new Uri(publicUrl, "self-service/login?flow=" + flow.Id).AbsoluteUri;
        var ok = Uri.TryCreate(flow.Ui.Action, UriKind.Absolute, out var action)
            && string.Equals(action.GetLeftPart(UriPartial.Path), new Uri(publicUrl, "self-service/login").AbsoluteUri, StringComparison.Ordinal)
            && HttpUtility.ParseQueryString(action.Query)["flow"] == flow.Id
            && flow.Ui.Method == "POST";
        Check.Verify(o, Action, ok, new FailureText
        {
            Headline = "ui.action does not post to the flow",
            Subject = "ui.action and ui.method",
            Expectation = "be POST " + FlowDescription.ShortenIds(expected),
            Why = "ui.action is <serve.public.base_url>self-service/login?flow=<id>, spec §2.5; clients submit to it",
            Actual = "they were " + flow.Ui.Method + " " + Check.Quote(flow.Ui.Action),
            Expected = "POST " + expected,
            Observed = flow.Ui.Method + " " + flow.Ui.Action,
        });
    }

    /// <summary>expires_at = issued_at + selfservice.flows.login.lifespan (spec §2.5); created_at/updated_at inside.</summary>
    public static void LifetimeIs(Observation o, TimeSpan lifespan)
    {
        var flow = Flow(o);
        var created = flow.CreatedAt;
        var updated = flow.UpdatedAt;
        var span = flow.ExpiresAt - flow.IssuedAt;
        var ok = Math.Abs((span - lifespan).TotalSeconds) < 1
            && created is { } c && updated is { } u && c <= u && u <= flow.ExpiresAt && Math.Abs((c - flow.IssuedAt).TotalSeconds) < 1;
        Check.Verify(o, Lifetime, ok, new FailureText
        {
            Headline = "flow lifetime differs",
            Subject = "expires_at - issued_at",
            Expectation = "be the login flow lifespan " + lifespan + " with created_at ≈ issued_at ≤ updated_at ≤ expires_at",
            Why = "expires_at = issued_at + selfservice.flows.login.lifespan, spec §2.5",
            Actual = "it was " + span + " (created_at " + Time(created) + ", updated_at " + Time(updated) + ")",
            Expected = lifespan.ToString(),
            Observed = span + "; issued_at " + Time(flow.IssuedAt) + " expires_at " + Time(flow.ExpiresAt) + " created_at " + Time(created) + " updated_at " + Time(updated),
        });
    }

    /// <summary>request_url is the init URL the client called (spec §2.5): <paramref name="path"/> with these query values.</summary>
    public static void CreatedBy(Observation o, Uri publicUrl, string path, IReadOnlyDictionary<string, string> query)
    {
        var flow = Flow(o);
        var actual = flow.RequestUrl;
        var ok = Uri.TryCreate(actual, UriKind.Absolute, out var url)
            && string.Equals(url.GetLeftPart(UriPartial.Path), new Uri(publicUrl, path).AbsoluteUri, StringComparison.Ordinal)
            && query.All(q => HttpUtility.ParseQueryString(url.Query)[q.Key] == q.Value);
        var expected = new Uri(publicUrl, path).AbsoluteUri + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query.Select(q => q.Key + "=" + q.Value)));
        Check.Verify(o, RequestUrl, ok, new FailureText
        {
            Headline = "request_url is not the init request",
            Subject = "request_url",
            Expectation = "be " + expected,
            Why = "the full init URL, spec §2.5",
            Actual = "it was " + Check.Quote(actual),
            Expected = expected,
            Observed = actual ?? "(none)",
        });
    }

    /// <summary>return_to is <paramref name="expected"/>, or absent when null (spec §2.3, §2.5: omitted if none).</summary>
    public static void ReturnTo(Observation o, string? expected, string why)
    {
        var actual = Flow(o).ReturnTo;
        Check.Verify(o, ReturnToIs, string.Equals(expected, actual, StringComparison.Ordinal), new FailureText
        {
            Headline = "return_to " + (actual ?? "absent") + " instead of " + (expected ?? "absent"),
            Subject = "the flow's return_to",
            Expectation = expected is null ? "be absent" : "be " + expected,
            Why = why,
            Actual = "it was " + Check.Quote(actual),
            Expected = expected ?? "(absent)",
            Observed = actual ?? "(absent)",
        });
    }

    /// <summary>
    /// The flow is <paramref name="before"/> continued, not a new one: same id, issued_at, expires_at, request_url and
    /// requested_aal (spec §2.10: a resend re-sends on the same flow; §2.11: errors are written onto it).
    /// </summary>
    public static void KeptFrom(Observation o, LoginFlow before, string why)
    {
        var flow = Flow(o);
        string Shape(LoginFlow f) => $"id {FlowDescription.ShortId(f.Id)} issued_at {Time(f.IssuedAt)} expires_at {Time(f.ExpiresAt)} request_url {f.RequestUrl} requested_aal {f.RequestedAal}";
        var ok = flow.Id == before.Id && flow.IssuedAt == before.IssuedAt && flow.ExpiresAt == before.ExpiresAt
            && flow.RequestUrl == before.RequestUrl && flow.RequestedAal == before.RequestedAal;
        Check.Verify(o, Kept, ok, new FailureText
        {
            Headline = "the flow was not kept",
            Subject = "the flow",
            Expectation = "keep id, issued_at, expires_at, request_url and requested_aal",
            Why = why,
            Actual = "it changed",
            Expected = Shape(before),
            Observed = Shape(flow),
        });
    }

    private static void Field(Observation o, CheckDefinition definition, string field, string expected, string actual, string why)
    {
        var shown = field == "id" ? FlowDescription.ShortId(expected) : expected;
        var found = field == "id" ? FlowDescription.ShortId(actual) : actual;
        Check.Verify(o, definition, string.Equals(expected, actual, StringComparison.Ordinal), new FailureText
        {
            Headline = field + " " + found + " instead of " + shown,
            Subject = "the flow's " + field,
            Expectation = "be " + shown,
            Why = why,
            Actual = "it was " + found,
            Expected = shown,
            Observed = found,
        });
    }

    private static string Time(DateTimeOffset? t) =>
        t?.ToString("yyyy-MM-ddTHH:mm:ss.ffffffK", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)";
}
