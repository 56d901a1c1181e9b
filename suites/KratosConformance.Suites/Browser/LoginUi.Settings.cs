using KratosConformance.Client.Kratos;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The settings page of the UI under test and the text nodes a user reads off a page (the TOTP secret, the backup
/// codes). A settings page is driven like a login page: its elements are found by the settings flow's node contract
/// (the flow is read alongside it, <see cref="BrowserKratos"/>), a press waits for its POST …/self-service/settings.
/// </summary>
public sealed partial class LoginUi
{
    /// <summary>
    /// Where each text node shows in Ory's UIs: kratos-selfservice-ui-node (and the harness's reference UI) put the text
    /// apart from its label under <c>node/text/&lt;id&gt;/text</c> (the test id Kratos's own e2e tests read the secret and
    /// the codes by); Ory Elements renders the TOTP secret as a read-only input <c>ory/form/node/input/totp_secret_key</c>
    /// and the backup codes in <c>ory/screen/settings/group/recovery_code/codes</c>.
    /// </summary>
    private static readonly Dictionary<string, string> TextNodeTestIds = new(StringComparer.Ordinal)
    {
        ["totp_secret_key"] = "[data-testid=\"node/text/totp_secret_key/text\"], [data-testid=\"ory/form/node/input/totp_secret_key\"]",
        ["lookup_secret_codes"] = "[data-testid=\"node/text/lookup_secret_codes/text\"], [data-testid=\"ory/screen/settings/group/recovery_code/codes\"]",
    };

    /// <summary>
    /// Opens GET /self-service/settings/browser as a link in an application would, and expects Kratos to send the
    /// browser to the UI's settings page with a new flow (<c>selfservice.flows.settings.ui_url?flow=&lt;id&gt;</c>, factors
    /// spec §7.2: a session that satisfies required_aal gets the flow).
    /// </summary>
    public async Task OpenSettingsAsync(string situation)
    {
        var url = new Uri(_kratos, "self-service/settings/browser");
        _fail.LastAction = $"GET {url.PathAndQuery}";
        var previous = _flowId;
        try
        {
            await _page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
            await _page.WaitForURLAsync(
                u => OnUiOrigin(u) && BrowserKratos.FlowId(u) is { } id && id != previous,
                new PageWaitForURLOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            var error = await _fail.ErrorIdAsync();
            await _fail.ThrowAsync("not on the settings UI", "the browser", $"be on the UI's settings page ({Location.Url.GetLeftPart(UriPartial.Authority)}…?flow=<id>; Kratos redirects a new browser settings flow to selfservice.flows.settings.ui_url, factors spec §7.2)",
                situation, $"it was at {_page.Url}{(error is null ? string.Empty : " showing error " + error)} after {_deadline.Expired}", "…/settings?flow=…", _page.Url,
                "selfservice.flows.settings.ui_url must be a page of the UI under test that renders the settings flow");
        }

        _evidence.Note($"browser: open {url.PathAndQuery} → {_page.Url}");
        _flowId = BrowserKratos.FlowId(_page.Url);
    }

    /// <summary>The flow (login or settings) the page shows now, read with the browser's cookies.</summary>
    public Task<LoginFlow?> ShownFlowAsync() => _browserKratos.FlowAsync(_page.Url);

    /// <summary>
    /// The text a user reads off the page for text node <paramref name="nodeId"/> (element <paramref name="element"/> of a
    /// selector map, else Ory's test ids, else the text the flow carries for it where the page shows it): a read-only
    /// input's value or the element's text, within the action timeout.
    /// </summary>
    public async Task<string> ReadTextNodeAsync(string element, string nodeId, string situation, string why)
    {
        var flowText = (await ShownFlowAsync()) is { } flow ? (string?)FactorNodes.TextOf(flow, FlowGroupOf(nodeId), nodeId)?["text"] : null;
        var (locator, how) = _selectors.Override(element) is { } mapped
            ? (_page.Locator(mapped), $"`{mapped}` (selector map)")
            : (_page.Locator(TextNodeTestIds[nodeId]), $"`{TextNodeTestIds[nodeId]}`");
        if (flowText is { Length: > 0 } && _selectors.Override(element) is null)
        {
            locator = locator.Or(_page.GetByText(flowText, new PageGetByTextOptions { Exact = true }));
            how += $" or the flow's text for {nodeId}";
        }

        var shown = locator.Filter(new LocatorFilterOptions { Visible = true }).First;
        try
        {
            await Assertions.Expect(shown).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
            var isInput = await shown.EvaluateAsync<bool>("e => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement");
            var text = isInput ? await shown.InputValueAsync(new LocatorInputValueOptions { Timeout = _timeoutMs }) : await shown.InnerTextAsync(new LocatorInnerTextOptions { Timeout = _timeoutMs });
            _evidence.Note($"browser: read {element} ({nodeId}) off the page by {how}");
            return text;
        }
        catch (PlaywrightException e)
        {
            await _fail.ThrowAsync($"{element} not shown", "the page", $"show the text of node {nodeId} ({why}) within {_deadline.Expired}", situation,
                $"no visible element matched {how}: {FirstLine(e.Message)}", nodeId, "(not visible)");
            throw;
        }
    }

    /// <summary>
    /// Reads the TOTP secret off the settings page as a user copies it into an authenticator app (the base32 text of
    /// node <c>totp_secret_key</c>, factors spec §3.3 row 3, §11) and checks it is the secret the flow carries, the one
    /// Kratos will verify the code against.
    /// </summary>
    public async Task<string> ReadTotpSecretAsync(string situation)
    {
        var text = await ReadTextNodeAsync(UiSelectors.TotpSecret, "totp_secret_key", situation, "the enrolment form shows the secret for typing it into an app, factors spec §3.3 row 3");
        var shown = Base32Token().Match(text.Trim()) is { Success: true } m ? m.Value : null;
        var expected = (await ShownFlowAsync()) is { } flow ? FactorNodes.TotpSecret(flow) : null;
        if (shown is null || (expected is not null && shown != expected))
        {
            await _fail.ThrowAsync("totp-secret wrong", "the page", "show the flow's base32 secret in the totp_secret_key node (what an authenticator app is given, factors spec §3.2, §3.3)", situation,
                $"it showed \"{FirstLine(text)}\"", expected ?? "a base32 secret", shown ?? FirstLine(text));
        }

        return shown!;
    }

    /// <summary>
    /// Reads the backup codes off the settings page (node <c>lookup_secret_codes</c>, factors spec §4.2, §4.3) and checks
    /// they are the unused codes the flow lists, in its order.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadBackupCodesAsync(string situation)
    {
        var text = await ReadTextNodeAsync(UiSelectors.LookupCodes, "lookup_secret_codes", situation, "regenerate and reveal show the codes, factors spec §4.3");
        var shown = LookupToken().Matches(text).Select(m => m.Value).ToList();
        var expected = (await ShownFlowAsync()) is { } flow ? FactorNodes.LookupCodes(flow) : [];
        if (shown.Count == 0 || !shown.SequenceEqual(expected))
        {
            await _fail.ThrowAsync("lookup-codes wrong", "the page", "show the flow's backup codes in the lookup_secret_codes node (8 characters [a-z0-9] each, factors spec §4.2, §4.3)", situation,
                $"it showed [{string.Join(", ", shown)}]", $"[{string.Join(", ", expected)}]", $"[{string.Join(", ", shown)}]");
        }

        return shown;
    }

    private bool OnUiOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var page)
        && string.Equals(page.GetLeftPart(UriPartial.Authority), Location.Url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    // Kratos's TOTP secret: 32 base32 characters without padding (factors spec §3.2).
    [System.Text.RegularExpressions.GeneratedRegex("[A-Z2-7]{16,}")]
    private static partial System.Text.RegularExpressions.Regex Base32Token();

    // One backup code: 8 characters of a-z0-9 (factors spec §4.2); "used" entries and words of other lengths do not match.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![a-z0-9])[a-z0-9]{8}(?![a-z0-9])")]
    private static partial System.Text.RegularExpressions.Regex LookupToken();

    private static string FlowGroupOf(string nodeId) => nodeId.StartsWith("totp", StringComparison.Ordinal) ? "totp" : "lookup_secret";
}
