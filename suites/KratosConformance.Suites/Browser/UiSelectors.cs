using System.Text.Json;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Overrides of single elements of a login UI. By default the suite finds every element through Kratos's own node
/// contract (<see cref="NodeLocator"/>: the names and values of the flow's ui.nodes, Ory's test ids and the labels the
/// flow carries), so a UI that renders Kratos's nodes needs no map. A UI that renders one element differently maps that
/// element's name to a Playwright selector in a JSON file (<c>--ui-selectors</c> / KC_UI_SELECTORS), e.g.
/// <c>{"code-submit": "button#verify"}</c>; every other element keeps the contract. <c>{address}</c> (send-code) and
/// <c>{id}</c> (message) are filled in by the suite; docs/ui-certification.md lists the elements.
/// </summary>
public sealed class UiSelectors
{
    public const string Identifier = "identifier";
    public const string Password = "password";
    public const string PasswordSubmit = "password-submit";
    public const string SendCode = "send-code";
    public const string Code = "code";
    public const string CodeSubmit = "code-submit";
    public const string Resend = "resend";
    public const string Message = "message";
    public const string SignedIn = "signed-in";
    public const string TotpSecret = "totp-secret";
    public const string TotpCode = "totp-code";
    public const string TotpSubmit = "totp-submit";
    public const string TotpUnlink = "totp-unlink";
    public const string LookupCodes = "lookup-codes";
    public const string LookupRegenerate = "lookup-regenerate";
    public const string LookupConfirm = "lookup-confirm";
    public const string LookupReveal = "lookup-reveal";
    public const string LookupDisable = "lookup-disable";
    public const string LookupCode = "lookup-code";
    public const string LookupSubmit = "lookup-submit";
    public const string WebAuthnName = "webauthn-name";
    public const string WebAuthnRegister = "webauthn-register";
    public const string WebAuthnLogin = "webauthn-login";
    public const string WebAuthnRemove = "webauthn-remove";

    /// <summary>Every element a map may name, with the placeholders its selector may (or, for message, must) contain.</summary>
    public static IReadOnlyDictionary<string, string[]> Elements { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Identifier] = [],
        [Password] = [],
        [PasswordSubmit] = [],
        [SendCode] = ["{address}"],
        [Code] = [],
        [CodeSubmit] = [],
        [Resend] = [],
        [Message] = ["{id}"],
        // What default_browser_return_url shows once signed in: a page check on top of whoami, only when mapped.
        [SignedIn] = [],
        // TOTP and backup codes (factors spec §3.3-§3.5, §4.3, §4.4): the settings page's secret and code list (text
        // nodes, read from the page), the settings and aal2 login buttons and inputs.
        [TotpSecret] = [],
        [TotpCode] = [],
        [TotpSubmit] = [],
        [TotpUnlink] = [],
        [LookupCodes] = [],
        [LookupRegenerate] = [],
        [LookupConfirm] = [],
        [LookupReveal] = [],
        [LookupDisable] = [],
        [LookupCode] = [],
        [LookupSubmit] = [],
        // WebAuthn (factors spec §5.4, §5.5): the key's name input, the two trigger buttons webauthn.js runs on, and a
        // key's remove button.
        [WebAuthnName] = [],
        [WebAuthnRegister] = [],
        [WebAuthnLogin] = [],
        [WebAuthnRemove] = [],
    };

    private readonly IReadOnlyDictionary<string, string> _overrides;

    private UiSelectors(IReadOnlyDictionary<string, string> overrides, string? file, string source)
    {
        _overrides = overrides;
        File = file;
        Source = source;
    }

    /// <summary>The map file, or null without a map.</summary>
    public string? File { get; }

    /// <summary>The elements the map overrides and their selectors as written (placeholders unfilled).</summary>
    public IReadOnlyDictionary<string, string> Mapped => _overrides;

    /// <summary>"Kratos's node contract (no map)" or the map file's path and what it overrides, for failure messages.</summary>
    public string Source { get; }

    public static UiSelectors Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), null, "Kratos's node contract (no selector map)");

    /// <summary>The map's selector for <paramref name="element"/>, or null when the element is found by the node contract.</summary>
    public string? Override(string element) =>
        Elements.ContainsKey(element)
            ? _overrides.GetValueOrDefault(element)
            : throw new ArgumentException($"'{element}' is not a UI element name; known: {Known}.", nameof(element));

    private static string Known => string.Join(", ", Elements.Keys);

    /// <summary>
    /// Reads a selector map file. Unknown names, non-string or empty selectors and placeholders the element does not
    /// have are errors naming the file and the element: a typo must not silently fall back to the contract.
    /// </summary>
    public static UiSelectors Load(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return Default;
        }

        Dictionary<string, JsonElement>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(System.IO.File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The UI selector map {file} (KC_UI_SELECTORS) could not be read: {e.Message} Expected a JSON object of element name → selector; known elements: {Known}.", e);
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (name, value) in map ?? [])
        {
            if (!Elements.TryGetValue(name, out var placeholders))
            {
                unknown.Add(name);
                continue;
            }

            overrides[name] = Selector(file, name, value, placeholders);
        }

        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The UI selector map {file} (KC_UI_SELECTORS) names unknown elements [{string.Join(", ", unknown)}]; known: {Known}.");
        }

        return new UiSelectors(overrides, file, $"{file} (overrides {string.Join(", ", overrides.Keys)}; the rest by Kratos's node contract)");
    }

    private static string Selector(string file, string name, JsonElement value, string[] placeholders)
    {
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new InvalidOperationException(
                $"The UI selector map {file} (KC_UI_SELECTORS) gives element '{name}' {value.GetRawText()}: expected a non-empty selector string (leave the element out to find it by Kratos's node contract).");
        }

        var selector = value.GetString()!;
        foreach (var placeholder in new[] { "{address}", "{id}" }.Where(p => selector.Contains(p, StringComparison.Ordinal) && !placeholders.Contains(p)))
        {
            throw new InvalidOperationException(
                $"The UI selector map {file} (KC_UI_SELECTORS) uses {placeholder} in element '{name}', which has {(placeholders.Length == 0 ? "no placeholders" : "only " + string.Join(", ", placeholders))}.");
        }

        if (name == Message && !selector.Contains("{id}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The UI selector map {file} (KC_UI_SELECTORS) gives element 'message' without {{id}}: it must select one message by its id, e.g. [data-msg=\"{{id}}\"].");
        }

        return selector;
    }
}
