using System.Text.Json;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Logical elements of a login UI → CSS selectors. The defaults are the test ids of Ory's reference UIs
/// (<c>node/input/&lt;name&gt;</c>, <c>ui/message/&lt;id&gt;</c>), which the harness's reference UI also writes, so the
/// same suite runs against Ory's UI unchanged. A team's own UI maps the names it renders differently in a JSON file
/// (<c>--ui-selectors</c> / KC_UI_SELECTORS), e.g. <c>{"code-submit": "button#verify"}</c>; names it leaves out keep
/// their default. <c>{address}</c> and <c>{id}</c> are filled in by the suite.
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
    public const string AnyMessage = "any-message";
    public const string SignedIn = "signed-in";

    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Identifier] = """[data-testid="node/input/identifier"]:not([type="hidden"])""",
        [Password] = """[data-testid="node/input/password"]""",
        [PasswordSubmit] = """[data-testid="node/input/method"][type="submit"][value="password"]""",
        // The "Send code to <address>" button of the choose_method screen (spec §2.6).
        [SendCode] = """[data-testid="node/input/address"][type="submit"][value="{address}"]""",
        [Code] = """[data-testid="node/input/code"]""",
        [CodeSubmit] = """[data-testid="node/input/method"][type="submit"][value="code"]""",
        [Resend] = """[data-testid="node/input/resend"][type="submit"]""",
        [Message] = """[data-testid="ui/message/{id}"]""",
        // Every shown message; the id is read from the digits at the end of the element's data-testid.
        [AnyMessage] = """[data-testid^="ui/message/"]""",
        // What default_browser_return_url shows once signed in; an empty selector skips the page check (whoami still runs).
        [SignedIn] = """[data-testid="session/signed-in"]""",
    };

    private readonly IReadOnlyDictionary<string, string> _selectors;

    private UiSelectors(IReadOnlyDictionary<string, string> selectors, string source)
    {
        _selectors = selectors;
        Source = source;
    }

    /// <summary>"Ory test ids (default)" or the map file's path, for failure messages.</summary>
    public string Source { get; }

    public static UiSelectors Default { get; } = new(Defaults, "Ory test ids (default)");

    public string this[string name] => _selectors.TryGetValue(name, out var selector)
        ? selector
        : throw new ArgumentException($"'{name}' is not a UI element name; known: {string.Join(", ", Defaults.Keys)}.", nameof(name));

    /// <summary>Reads a selector map file over the defaults. Unknown names are an error: a typo must not silently fall back.</summary>
    public static UiSelectors Load(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return Default;
        }

        Dictionary<string, string>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The UI selector map {file} (KC_UI_SELECTORS) could not be read: {e.Message} Expected a JSON object of element name → CSS selector.", e);
        }

        var merged = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (name, selector) in map ?? [])
        {
            if (Defaults.ContainsKey(name))
            {
                merged[name] = selector;
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The UI selector map {file} (KC_UI_SELECTORS) names unknown elements [{string.Join(", ", unknown)}]; known: {string.Join(", ", Defaults.Keys)}.");
        }

        return new UiSelectors(merged, file);
    }
}
