namespace KratosConformance.Suites.Coverage;

/// <summary>
/// What the suites receive, as the field-coverage table names it: the OpenAPI schemas (Kratos v26.2.0's
/// openapi.json) of every response body of the code-MFA login and of the other factors' login and settings flows
/// (login and settings flows, input, image, text and script nodes, messages, sessions, identities, login
/// results, continue_with, errors, stored errors), and the parts of a response that are not a JSON body: the status
/// and the headers clients act on, each attribute of Kratos's two cookies, and the login-code mail.
/// </summary>
public static class ResponseFields
{
    /// <summary>The OpenAPI schemas whose every property is a row of the table.</summary>
    public static IReadOnlyList<string> Schemas { get; } =
    [
        "loginFlow", "settingsFlow", "uiContainer", "uiNode", "uiNodeInputAttributes", "uiNodeImageAttributes", "uiNodeTextAttributes", "uiNodeScriptAttributes", "uiNodeMeta", "uiText",
        "session", "sessionAuthenticationMethod", "sessionDevice",
        "identity", "verifiableIdentityAddress", "recoveryIdentityAddress",
        "successfulNativeLogin", "continueWithRedirectBrowserTo",
        "recoveryFlow", "continueWithSettingsUi", "continueWithSettingsUiFlow", "continueWithSetOrySessionToken",
        "errorGeneric", "genericError", "errorBrowserLocationChangeRequired", "errorAuthenticatorAssuranceLevelNotSatisfied", "flowError", "selfServiceFlowExpiredError",
    ];

    /// <summary>Whole bodies and the wire outside the JSON bodies.</summary>
    public static IReadOnlyList<string> Wire { get; } =
    [
        "loginFlow", "settingsFlow", "recoveryFlow", "session",
        "http.status", "http.Content-Type", "http.Location", "http.Set-Cookie",
        "cookie.session.name", "cookie.session.httponly", "cookie.session.samesite", "cookie.session.path", "cookie.session.secure", "cookie.session.max-age", "cookie.session.domain",
        "cookie.csrf.name", "cookie.csrf.httponly", "cookie.csrf.samesite", "cookie.csrf.path", "cookie.csrf.secure", "cookie.csrf.max-age", "cookie.csrf.domain",
        "mail.from", "mail.to", "mail.subject", "mail.body",
        "sms.method", "sms.header.content-type", "sms.header.authorization", "sms.body", "sms.courier",
    ];
}
