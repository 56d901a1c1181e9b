using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// An element of the login UI named by Kratos's node contract: the input or button a browser form posts as
/// <c>name=value</c> (and an SPA submits as the same JSON key), e.g. <c>code</c>, <c>method=code</c>,
/// <c>address=a@example.org</c>, <c>resend=code</c> (spec §2.6, §2.9, §2.10). <see cref="Element"/> is the name a
/// selector map overrides it by; any factor's suite can name its own nodes (a TOTP code field is
/// <c>Field("totp-code", "totp_code")</c>) and find them the same way.
/// </summary>
public sealed record NodeTarget(string Element, string NodeName, string? Value, bool IsButton)
{
    /// <summary>A text input named after a node (identifier, password, code, …).</summary>
    public static NodeTarget Field(string element, string nodeName) => new(element, nodeName, null, false);

    /// <summary>A submit button that posts <paramref name="nodeName"/>=<paramref name="value"/>.</summary>
    public static NodeTarget Button(string element, string nodeName, string value) => new(element, nodeName, value, true);

    public static NodeTarget IdentifierField { get; } = Field(UiSelectors.Identifier, "identifier");
    public static NodeTarget PasswordField { get; } = Field(UiSelectors.Password, "password");
    public static NodeTarget PasswordSubmit { get; } = Button(UiSelectors.PasswordSubmit, "method", "password");
    public static NodeTarget CodeField { get; } = Field(UiSelectors.Code, "code");
    public static NodeTarget CodeSubmit { get; } = Button(UiSelectors.CodeSubmit, "method", "code");
    public static NodeTarget Resend { get; } = Button(UiSelectors.Resend, "resend", "code");

    /// <summary>The TOTP code input of the settings enrolment form and of the aal2 login form (factors spec §3.3, §3.5).</summary>
    public static NodeTarget TotpCodeField { get; } = Field(UiSelectors.TotpCode, "totp_code");
    /// <summary>method=totp: "Save" in settings (1070003), "Use Authenticator" at login (1010009).</summary>
    public static NodeTarget TotpSubmit { get; } = Button(UiSelectors.TotpSubmit, "method", "totp");
    public static NodeTarget TotpUnlink { get; } = Button(UiSelectors.TotpUnlink, "totp_unlink", "true");
    public static NodeTarget LookupRegenerate { get; } = Button(UiSelectors.LookupRegenerate, "lookup_secret_regenerate", "true");
    public static NodeTarget LookupConfirm { get; } = Button(UiSelectors.LookupConfirm, "lookup_secret_confirm", "true");
    public static NodeTarget LookupReveal { get; } = Button(UiSelectors.LookupReveal, "lookup_secret_reveal", "true");
    public static NodeTarget LookupDisable { get; } = Button(UiSelectors.LookupDisable, "lookup_secret_disable", "true");
    /// <summary>The backup-code input of the aal2 login form (factors spec §4.4).</summary>
    public static NodeTarget LookupCodeField { get; } = Field(UiSelectors.LookupCode, "lookup_secret");
    public static NodeTarget LookupSubmit { get; } = Button(UiSelectors.LookupSubmit, "method", "lookup_secret");

    /// <summary>The security key's name input of the settings registration form (factors spec §5.4 row 2).</summary>
    public static NodeTarget WebAuthnNameField { get; } = Field(UiSelectors.WebAuthnName, "webauthn_register_displayname");

    /// <summary>
    /// A WebAuthn trigger button (webauthn_register_trigger, webauthn_login_trigger: factors spec §5.4, §5.5), whose
    /// value is the options JSON of the flow the page shows: the element is found by name and that value.
    /// </summary>
    public static NodeTarget WebAuthnTrigger(string element, string nodeName, string options) => Button(element, nodeName, options);

    /// <summary>The remove button of the key with lowercase hex id <paramref name="hex"/> (factors spec §5.4).</summary>
    public static NodeTarget WebAuthnRemove(string hex) => Button(UiSelectors.WebAuthnRemove, "webauthn_remove", hex);

    /// <summary>"Send code to &lt;address&gt;" of the choose_method screen (spec §2.6).</summary>
    public static NodeTarget SendCode(string address) => Button(UiSelectors.SendCode, "address", address);

    /// <summary>"name=value" or "name", the way failure messages name the node.</summary>
    public string Describe() => Value is null ? $"input {NodeName}" : $"button {NodeName}={Value}";

    /// <summary>The node of <paramref name="flow"/> this element renders, for its label: a visible input, or the submit with this value.</summary>
    public UiNode? FindIn(LoginFlow? flow) =>
        flow?.Ui.Nodes.FirstOrDefault(n =>
            n.Type == "input"
            && n.Name == NodeName
            && (IsButton
                ? n.InputType is "submit" or "button" && n.Value == Value
                : n.InputType is not ("hidden" or "submit" or "button")));
}
