using KratosConformance.Client.Waiting;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Checks that every selector of a selector map parses, before any test runs: a malformed selector (<c>button[</c>,
/// <c>div:hoover</c>, <c>role=button[name="Verify"</c>, an unknown engine) otherwise fails every browser test, each
/// after its own wait. There is no parser to ask but the browser's: Playwright parses its selector syntax (engines,
/// <c>&gt;&gt;</c> chains, its CSS extensions) in its driver and in the page, and hands plain CSS to Chromium's
/// <c>querySelectorAll</c>, so a grammar of our own would refuse selectors Playwright takes or take ones it refuses.
/// The check therefore asks them once: one Chromium (or the --browser-ws server's), one blank page, every selector
/// counted there with its placeholders filled as the suite fills them. Chains are also checked part by part, because
/// Playwright evaluates a part only where the part before it matched something, and on a blank page nothing does.
/// </summary>
public static class UiSelectorSyntax
{
    // What the suite puts into {address} and {id}: an address with '@' and '.', which a selector must quote in CSS.
    private const string SampleAddress = "user@example.org";
    private const string SampleMessageId = "1010014";

    // Engines whose part selects on its own from the document; the others (nth=, visible=, internal:has=, …) refine
    // the part before them and are checked within the whole selector only.
    private static readonly HashSet<string> StandaloneEngines = new(StringComparer.Ordinal)
    {
        "css", "css:light", "xpath", "xpath:light", "text", "text:light", "id", "id:light", "data-testid", "data-testid:light",
        "data-test-id", "data-test-id:light", "data-test", "data-test:light", "role", "internal:role", "internal:text",
        "internal:label", "internal:attr", "internal:testid",
    };

    /// <summary>
    /// Parses every selector of <paramref name="file"/>'s map in a browser; a map that can not be read is refused as by
    /// <see cref="UiSelectors.Load"/>. Throws <see cref="InvalidOperationException"/> naming the file, each bad element,
    /// its selector, what the parser said and the fix; returns without starting a browser when the map is empty.
    /// </summary>
    public static async Task CheckAsync(string file, Uri? browserWs, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var selectors = UiSelectors.Load(file);
        if (selectors.Mapped.Count == 0)
        {
            return;
        }

        var deadline = patience.For("selector map check", TimeSpan.FromSeconds(30));
        using var playwright = await BrowserTempRoot.WithTempDir(Playwright.CreateAsync);
        var browser = await LaunchAsync(playwright, browserWs, deadline);
        try
        {
            var page = await browser.NewPageAsync();
            var problems = new List<string>();
            foreach (var (element, written) in selectors.Mapped)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await ProblemAsync(page, Fill(written)) is { } problem)
                {
                    problems.Add($"element '{element}' has the selector `{written}`, which {problem}");
                }
            }

            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The UI selector map {file} (KC_UI_SELECTORS): {string.Join("; ", problems)}. Write a CSS selector (e.g. button#verify, "
                    + "input[name=\"otp\"]) or a Playwright selector (text=Verify, role=button[name=\"Verify\"], xpath=//button, "
                    + "data-testid=verify), quoting attribute values, or leave the element out to find it by Kratos's node contract.");
            }
        }
        finally
        {
            await browser.CloseAsync();
        }
    }

    /// <summary>The selector as the suite uses it: placeholders filled with values of the kind it puts there.</summary>
    public static string Fill(string selector) =>
        selector.Replace("{address}", SampleAddress, StringComparison.Ordinal).Replace("{id}", SampleMessageId, StringComparison.Ordinal);

    /// <summary>
    /// The parts of a Playwright selector split at <c>&gt;&gt;</c> outside quotes, each with its engine, the way
    /// Playwright's parseSelectorString reads them (an engine is a leading <c>name=</c>; else a quoted string is
    /// text, <c>//</c> or <c>..</c> is XPath, anything else CSS).
    /// </summary>
    public static IReadOnlyList<(string Engine, string Body)> Parts(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var parts = new List<(string, string)>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\' && i + 1 < selector.Length)
            {
                i++;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (quote is null && c == '>' && i + 1 < selector.Length && selector[i + 1] == '>')
            {
                parts.Add(Part(selector[start..i]));
                start = i + 2;
                i++;
            }
        }

        parts.Add(Part(selector[start..]));
        return parts;
    }

    private static (string Engine, string Body) Part(string text)
    {
        var part = text.Trim();
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && part[..equals].Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or ':' or '*'))
        {
            return (part[..equals].Trim().TrimStart('*'), part[(equals + 1)..]);
        }

        if (part.Length > 1 && ((part[0] == '"' && part[^1] == '"') || (part[0] == '\'' && part[^1] == '\'')))
        {
            return ("text", part);
        }

        return part.TrimStart('(').StartsWith("//", StringComparison.Ordinal) || part.StartsWith("..", StringComparison.Ordinal) ? ("xpath", part) : ("css", part);
    }

    /// <summary>Why Playwright or Chromium refuses <paramref name="selector"/> (the whole, then each standalone part), or null.</summary>
    private static async Task<string?> ProblemAsync(IPage page, string selector)
    {
        if (await ParseErrorAsync(page, selector) is { } whole)
        {
            return $"does not parse: {whole}";
        }

        var parts = Parts(selector);
        if (parts.Count == 1)
        {
            return null;
        }

        foreach (var (engine, body) in parts.Where(p => StandaloneEngines.Contains(p.Engine)))
        {
            if (await ParseErrorAsync(page, $"{engine}={body}") is { } error)
            {
                return $"does not parse in its part `{body.Trim()}`: {error}";
            }
        }

        return null;
    }

    private static async Task<string?> ParseErrorAsync(IPage page, string selector)
    {
        try
        {
            await page.Locator(selector).CountAsync();
            return null;
        }
        catch (PlaywrightException e)
        {
            return Reason(e.Message);
        }
    }

    // Playwright's message is "Locator.CountAsync: <reason>\nCall log: …" (or "Error: <reason>"): the reason is the news.
    private static string Reason(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        foreach (var prefix in new[] { "Locator.CountAsync:", "Error:" })
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                line = line[prefix.Length..].Trim();
            }
        }

        // "Did you mean to CSS.escape it?" is Playwright's guess for a code snippet; in a map the fix is in our message.
        return line.Replace(" Did you mean to CSS.escape it?", string.Empty, StringComparison.Ordinal).TrimEnd('.');
    }

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright, Uri? browserWs, Deadline deadline)
    {
        try
        {
            return browserWs is null
                ? await playwright.Chromium.LaunchAsync(DebianChromium.LaunchOptions(deadline))
                : await playwright.Chromium.ConnectAsync(browserWs.AbsoluteUri, new BrowserTypeConnectOptions { Timeout = (float)deadline.Limit.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new DeadlineExpiredException(browserWs is null ? $"launching {DebianChromium.ExecutablePath} to parse the selector map" : $"connecting to {browserWs} to parse the selector map", deadline, e);
        }
    }
}
