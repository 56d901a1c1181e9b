using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// The flow's own fields: state (choose_method → sent_email → passed_challenge, spec §2.4), requested_aal, refresh,
/// type and identity. UIs decide what to render from the state, so a wrong state is a broken login even when the
/// messages look right.
/// </summary>
public static class FlowChecks
{
    /// <summary>The response carries a login flow; returns it.</summary>
    public static LoginFlow Present(Observation o)
    {
        if (o.Flow is null)
        {
            Check.Fail(CheckFailure.About(
                o,
                "no login flow in the response",
                "the response",
                "carry the login flow",
                "it did not",
                "a login flow",
                o.Response.Describe()));
        }

        return o.Flow;
    }

    /// <summary>state is <paramref name="expected"/> (spec §2.4); <paramref name="why"/> cites the section.</summary>
    public static void State(Observation o, string expected, string why) =>
        Field(o, "state", expected, Present(o).State, why);

    /// <summary>requested_aal; an aal2 flow must stay aal2 or the session is never upgraded (spec §2.3, §2.5).</summary>
    public static void RequestedAal(Observation o, string expected) =>
        Field(o, "requested_aal", expected, Present(o).RequestedAal, "the aal query parameter decides it, spec §2.3");

    /// <summary>refresh (spec §2.3: parsed from the query, forced false without a session).</summary>
    public static void Refresh(Observation o, bool expected) =>
        Field(o, "refresh", expected ? "true" : "false", Present(o).Refresh ? "true" : "false", "from the refresh query parameter, spec §2.3");

    /// <summary>type: "browser" for browser and SPA flows, "api" for native ones (spec §2.5).</summary>
    public static void Type(Observation o, ClientStyle style) =>
        Field(o, "type", style == ClientStyle.Native ? "api" : "browser", Present(o).Type, "browser flows for browser and SPA, api for native, spec §2.5");

    /// <summary>active is "code" once a code was sent (spec §2.4, §2.9).</summary>
    public static void Active(Observation o, string expected) =>
        Field(o, "active", expected, Present(o).Active ?? "(none)", "set once a code was sent, spec §2.4");

    /// <summary>The response carries the same flow as before: errors are written onto the flow, not into a new one.</summary>
    public static void SameFlow(Observation o, string expectedId, string why) =>
        Field(o, "id", expectedId, Present(o).Id, why);

    private static void Field(Observation o, string field, string expected, string actual, string why)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var shown = field == "id" ? FlowDescription.ShortId(expected) : expected;
            var found = field == "id" ? FlowDescription.ShortId(actual) : actual;
            Check.Fail(CheckFailure.About(
                o,
                field + " " + found + " instead of " + shown,
                "the flow's " + field,
                "be " + shown + " (" + why + ")",
                "it was " + found,
                shown,
                found));
        }
    }
}
