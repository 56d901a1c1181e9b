namespace KratosConformance.Suites.Expectations;

/// <summary>The four faults x/nosurfx/nosurf.go CSRFErrorReason tells apart, in the order it tests them (spec §3).</summary>
public enum CsrfFault
{
    /// <summary>The request had no Cookie header at all.</summary>
    NoCookieHeader,

    /// <summary>Cookies, but not the CSRF cookie.</summary>
    CookieMissing,

    /// <summary>The CSRF cookie, but no token in a non-JSON request's form nor in X-CSRF-Token.</summary>
    TokenNotSent,

    /// <summary>Cookie and token, not matching (also a JSON body without a token: Kratos can not read it there).</summary>
    TokenMismatch,
}
