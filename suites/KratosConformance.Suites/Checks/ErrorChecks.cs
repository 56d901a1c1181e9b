using System.Globalization;
using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Kratos errors are identified by <c>error.id</c> (spec §1.6): clients branch on it (session_aal1_required,
/// security_csrf_violation, …), so the id is what conformance is about; status and message are the envelope every
/// client library parses, the reason is prose.
/// </summary>
public static class ErrorChecks
{
    public static readonly CheckDefinition IdIs = new("error.id", "the error carries the id the spec names, with the herodot envelope's status and message", "errorGeneric.error", "errorBrowserLocationChangeRequired.error", "errorAuthenticatorAssuranceLevelNotSatisfied.error", "flowError.error", "selfServiceFlowExpiredError.error", "genericError.id", "genericError.status", "genericError.message");
    public static readonly CheckDefinition Texts = new("error.texts", "status is the reason phrase of code, message and reason the ones the spec or Kratos's source gives the error", "genericError.status", "genericError.message", "genericError.reason");
    public static readonly CheckDefinition CsrfDetailsAre = new("error.csrf_details", "details.hint and details.reject_reason of a CSRF violation name the fault (no cookie, no CSRF cookie, no token, mismatch) as the version under test does, and details.docs links Kratos's CSRF troubleshooting page", "genericError.details");
    public static readonly CheckDefinition RedirectIs = new("error.redirect_browser_to", "redirect_browser_to of an aal error leads to the aal2 browser login", "errorBrowserLocationChangeRequired.redirect_browser_to", "errorAuthenticatorAssuranceLevelNotSatisfied.redirect_browser_to");

    /// <summary>The response is (or the browser was sent to) an error with id <paramref name="expectedId"/>; returns it.</summary>
    public static KratosError Id(Observation o, string expectedId)
    {
        var error = o.Response.Error;
        var envelope = error is not null && !string.IsNullOrEmpty(error.Message) && !string.IsNullOrEmpty(error.Status);
        var text = new FailureText
        {
            Headline = "error " + expectedId + " missing",
            Subject = "the error",
            Expectation = "have id " + expectedId + " with status and message",
            Why = "spec §1.6",
            Actual = error is null ? "there was no error" : "found " + (error.Id ?? "(no id)") + (envelope ? string.Empty : " without status or message"),
            Expected = expectedId,
            Observed = error is null ? o.Response.Describe() : FlowDescription.Describe(error),
        };
        if (error?.Id != expectedId)
        {
            Check.Require(o, IdIs, text);
        }

        Check.Verify(o, IdIs, envelope, text);
        TextsAreKratos(o, error!);
        return error!;
    }

    /// <summary>status, message and reason of <paramref name="error"/> as herodot and Kratos write them (spec §1.6, §3, §4.1).</summary>
    public static void TextsAreKratos(Observation o, KratosError error)
    {
        var status = ErrorTexts.Status(error.Code);
        var message = ErrorTexts.Message(error.Id, error.Code);
        var reason = ErrorTexts.Reason(error.Id, error.RedirectBrowserTo);
        var ok = error.Status == status && (message is null || error.Message == message) && (reason is null || error.Reason == reason);
        string Shown(string? s, string? m, string? r) => $"status {Check.Quote(s)}, message {Check.Quote(m)}" + (reason is null ? string.Empty : $", reason {Check.Quote(r)}");
        Check.Verify(o, Texts, ok, new FailureText
        {
            Headline = "error " + (error.Id ?? error.Code.ToString(CultureInfo.InvariantCulture)) + " has other texts",
            Subject = "the envelope of " + (error.Id ?? "the " + error.Code.ToString(CultureInfo.InvariantCulture) + " error"),
            Expectation = "carry " + Shown(status, message ?? "(any)", reason),
            Why = "herodot's status and message, the reason the spec quotes (§1.6, §3, §4.1)",
            Actual = "it carried " + Shown(error.Status, error.Message, error.Reason),
            Expected = Shown(status, message ?? "(any)", reason),
            Observed = Shown(error.Status, error.Message, error.Reason),
        });
    }

    /// <summary>
    /// A lookup that found nothing: ory/x sqlcon's ErrNoRows as herodot writes it (oryx/sqlcon/error.go): status Not
    /// Found, message "Unable to locate the resource", no reason. getLoginFlow writes it as it is.
    /// </summary>
    public static void NotFound(Observation o, KratosError error, string what)
    {
        const string Message = "Unable to locate the resource";
        string Shown(string? s, string? m, string? r) => $"status {Check.Quote(s)}, message {Check.Quote(m)}, reason {Check.Quote(r)}";
        Check.Verify(o, Texts, error.Status == "Not Found" && error.Message == Message && error.Reason is null, new FailureText
        {
            Headline = "the 404 of " + what + " has other texts",
            Subject = "the envelope of the 404",
            Expectation = "carry " + Shown("Not Found", Message, null),
            Why = "the persister's sqlcon.ErrNoRows, written unchanged (docs/kratos-facts.md \"Unknown flows\")",
            Actual = "it carried " + Shown(error.Status, error.Message, error.Reason),
            Expected = Shown("Not Found", Message, null),
            Observed = Shown(error.Status, error.Message, error.Reason),
        });
    }

    /// <summary>
    /// The reason of <paramref name="error"/> is <paramref name="expected"/>, where it names what the request gave
    /// (so <see cref="ErrorTexts"/>, which knows reasons by id only, can not give it): the operator reads it to see
    /// which value was refused.
    /// </summary>
    public static void ReasonIs(Observation o, KratosError error, string expected, string why)
    {
        Check.Verify(o, Texts, error.Reason == expected, new FailureText
        {
            Headline = "error " + (error.Id ?? error.Code.ToString(CultureInfo.InvariantCulture)) + " has another reason",
            Subject = "the reason of " + (error.Id ?? "the error"),
            Expectation = "be " + Check.Quote(expected),
            Why = why,
            Actual = "found " + Check.Quote(error.Reason),
            Expected = expected,
            Observed = error.Reason ?? "(none)",
        });
    }

    /// <summary>
    /// details.hint and details.reject_reason of a security_csrf_violation are <paramref name="expected"/> (spec §3
    /// "CSRF sub-cases", <see cref="CsrfRejectionTexts"/>): they are what an operator reads to tell a lost cookie from
    /// a stale token.
    /// </summary>
    public static void CsrfDetails(Observation o, KratosError error, (string Hint, string? RejectReason) expected, string why)
    {
        var hint = JsonRead.Str(error.Details, "hint");
        var reject = JsonRead.Str(error.Details, "reject_reason");
        var docs = JsonRead.Str(error.Details, "docs");
        string Shown(string? h, string? r, string? d) => $"hint {Check.Quote(h)}, reject_reason {Check.Quote(r)}, docs {Check.Quote(d)}";
        var ok = hint == expected.Hint && reject == expected.RejectReason && docs == CsrfRejectionTexts.Docs;
        Check.Verify(o, CsrfDetailsAre, ok, new FailureText
        {
            Headline = hint == expected.Hint && reject == expected.RejectReason ? "security_csrf_violation links another docs page" : "security_csrf_violation names another fault",
            Subject = "details of security_csrf_violation",
            Expectation = "be " + Shown(expected.Hint, expected.RejectReason, CsrfRejectionTexts.Docs),
            Why = why + "; docs: ErrInvalidCSRFToken's detail (x/nosurfx/nosurf.go)",
            Actual = "found " + Shown(hint, reject, docs),
            Expected = Shown(expected.Hint, expected.RejectReason, CsrfRejectionTexts.Docs),
            Observed = Shown(hint, reject, docs),
        });
    }

    /// <summary>
    /// redirect_browser_to points at <c>&lt;public&gt;/self-service/login/browser?aal=aal2</c>: the error tells the client
    /// where the second factor is completed (spec §4.1 403 body, §3 SPA 422). It sits at the top level of the body (both
    /// errors enhance their JSON, spec §1.6); session_aal2_required carries it in <c>error.details</c> as well
    /// (session/manager.go NewErrAALNotSatisfied), browser_location_change_required does not
    /// (selfservice/flow/error.go NewBrowserLocationChangeRequiredError).
    /// </summary>
    public static void RedirectsToAal2Login(Observation o, KratosError error, Uri publicUrl)
    {
        var target = JsonRead.Str(error.Raw, "redirect_browser_to");
        var inDetails = JsonRead.Str(error.Details, "redirect_browser_to");
        var detailsToo = error.Id == "session_aal2_required";
        var placed = detailsToo ? inDetails == target : inDetails is null;
        Check.Verify(o, RedirectIs, UrlChecks.IsAal2BrowserLogin(target, publicUrl) && placed, new FailureText
        {
            Headline = target is null ? "redirect_browser_to missing at the top level"
                : !placed ? (detailsToo ? "error.details.redirect_browser_to differs from the top level" : "redirect_browser_to also in error.details")
                : "redirect_browser_to does not lead to the aal2 login",
            Subject = "redirect_browser_to of " + (error.Id ?? "the error"),
            Expectation = "point to the aal2 browser login, at the top level of the body" + (detailsToo ? " and in error.details" : " only"),
            Why = "spec §4.1, §3, §1.6",
            Actual = $"found top level {Check.Quote(target)}, error.details {Check.Quote(inDetails)}",
            Expected = UrlChecks.Aal2BrowserLogin(publicUrl) + (detailsToo ? " in both places" : " at the top level, none in details"),
            Observed = $"redirect_browser_to {target ?? "(none)"}; error.details.redirect_browser_to {inDetails ?? "(none)"}",
        });
    }
}
