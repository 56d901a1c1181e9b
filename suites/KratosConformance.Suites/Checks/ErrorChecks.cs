using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// Kratos errors are identified by <c>error.id</c> (spec §1.6): clients branch on it (session_aal1_required,
/// security_csrf_violation, …), so the id is what conformance is about; reason and message are prose.
/// </summary>
public static class ErrorChecks
{
    /// <summary>The response is (or the browser was sent to) an error with id <paramref name="expectedId"/>.</summary>
    public static KratosError Id(Observation o, string expectedId)
    {
        var error = o.Response.Error;
        if (error?.Id != expectedId)
        {
            Check.Fail(CheckFailure.About(
                o,
                "error " + expectedId + " missing",
                "the error",
                "have id " + expectedId + " (spec §1.6)",
                error is null ? "there was no error" : "found " + (error.Id ?? "(no id)"),
                expectedId,
                error is null ? o.Response.Describe() : FlowDescription.Describe(error)));
        }

        return error!;
    }

    /// <summary>
    /// redirect_browser_to points at <c>&lt;public&gt;/self-service/login/browser?aal=aal2</c>: the error tells the client
    /// where the second factor is completed (spec §4.1 403 body, §3 SPA 422).
    /// </summary>
    public static void RedirectsToAal2Login(Observation o, KratosError error, Uri publicUrl)
    {
        var target = error.RedirectBrowserTo;
        if (!UrlChecks.IsAal2BrowserLogin(target, publicUrl))
        {
            Check.Fail(CheckFailure.About(
                o,
                "redirect_browser_to does not lead to the aal2 login",
                "redirect_browser_to of " + (error.Id ?? "the error"),
                "point to the aal2 browser login (spec §4.1, §3)",
                "found " + Check.Quote(target),
                UrlChecks.Aal2BrowserLogin(publicUrl),
                target ?? "(none)"));
        }
    }
}
