using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Suites.Checks;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The login UI as a user drives it in the test's page: it opens Kratos's browser flow, fills and presses what the
/// page shows, and checks what the page shows by the selectors of <see cref="UiSelectors"/> (message ids, never
/// prose). Every press waits for the navigation it causes and that page's load, and the page is only read once it has
/// loaded, so a re-rendered page is never mistaken for the old one and nothing is read from a document being replaced.
/// Every wait is bounded by the "browser action" deadline. Failures read in the house format, naming the page URL and
/// the messages it showed.
/// </summary>
public sealed partial class LoginUi
{
    private const long NoStrategyFound = 4010002;

    // A browser posts every field of the form: in sent_email that is method=code twice (the hidden node and the
    // Continue button, spec §2.9), as with every Ory UI. Kratos's form decoder (ory/x decoderx) reads the first value of
    // a string field; a server that joins or rejects repeated fields finds no strategy.
    private const string RepeatedFieldHint =
        "4010002 after a real form post: the form repeats method=code (hidden node + Continue button, spec §2.9); Kratos reads the first value of a repeated form field";

    private readonly IPage _page;
    private readonly Uri _kratos;
    private readonly UiSelectors _selectors;
    /// <summary>What the page shows: the login UI renders Kratos's flow (messages, code form) the way the spec's tables say.</summary>
    public static readonly CheckDefinition PageCheck = new("browser.page", "the login UI page shows what Kratos's flow says at each step (messages, code form, outcome)", "uiContainer.messages", "uiContainer.nodes");

    private readonly string _testId;
    private readonly EvidenceRecorder _evidence;
    private readonly Deadline _deadline;
    private readonly float _timeoutMs;
    private string? _lastAction;

    public LoginUi(IPage page, Uri kratosPublicUrl, Uri loginUiUrl, UiSelectors selectors, string testId, EvidenceRecorder evidence, Deadline actionDeadline)
    {
        _page = page;
        _kratos = kratosPublicUrl.AbsoluteUri.EndsWith('/') ? kratosPublicUrl : new Uri(kratosPublicUrl.AbsoluteUri + "/");
        LoginUiUrl = loginUiUrl;
        _selectors = selectors;
        _testId = testId;
        _evidence = evidence;
        _deadline = actionDeadline;
        _timeoutMs = (float)actionDeadline.Limit.TotalMilliseconds;
    }

    /// <summary>selfservice.flows.login.ui_url: the page Kratos redirects browser flows to.</summary>
    public Uri LoginUiUrl { get; }

    /// <summary>
    /// Opens GET /self-service/login/browser[?query] the way a link in an application would, and expects Kratos to
    /// redirect to the login UI with a flow (spec §2.2, §3 create).
    /// </summary>
    public async Task OpenAsync(string query, string situation)
    {
        var url = new Uri(_kratos, "self-service/login/browser" + (query.Length == 0 ? string.Empty : "?" + query));
        _lastAction = $"GET {url.PathAndQuery}";
        try
        {
            await _page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            await FailAsync("page did not load", "the browser", $"load {url.PathAndQuery} and the page Kratos redirects to", "within " + _deadline.Expired,
                $"it was at {_page.Url}", "a loaded page", _page.Url);
        }

        _evidence.Note($"browser: open {url.PathAndQuery} → {_page.Url}");
        await ExpectOnLoginPageAsync(situation, "Kratos redirects a new browser flow to selfservice.flows.login.ui_url?flow=<id>, spec §2.2");
    }

    public async Task SignInWithPasswordAsync(string identifier, string password)
    {
        await ExpectVisibleAsync(UiSelectors.Identifier, "on the first-factor screen", "a password flow asks for the identifier");
        await _page.Locator(_selectors[UiSelectors.Identifier]).FillAsync(identifier);
        await _page.Locator(_selectors[UiSelectors.Password]).FillAsync(password);
        await PressAsync(UiSelectors.PasswordSubmit, "sign in with the password");
    }

    /// <summary>Presses "Send code to &lt;address&gt;" on the choose_method screen (spec §2.6, §2.8).</summary>
    public async Task PressSendCodeAsync(string address)
    {
        await ExpectVisibleAsync(UiSelectors.SendCode, "on the choose_method screen", "the aal2 screen offers one button per code address, spec §2.6", address);
        await PressAsync(UiSelectors.SendCode, $"press \"Send code to {address}\"", address);
    }

    public async Task SubmitCodeAsync(string code, string what)
    {
        await ExpectVisibleAsync(UiSelectors.Code, "on the code screen", "sent_email shows the code input, spec §2.9");
        await _page.Locator(_selectors[UiSelectors.Code]).FillAsync(code);
        await PressAsync(UiSelectors.CodeSubmit, what);
    }

    /// <summary>Presses "Resend code" (spec §2.10).</summary>
    public Task PressResendAsync() => PressAsync(UiSelectors.Resend, "press \"Resend code\"");

    /// <summary>The page shows message <paramref name="id"/> (its test id), within the action timeout.</summary>
    public async Task ExpectMessageAsync(long id, string situation, string why)
    {
        var locator = _page.Locator(Selector(UiSelectors.Message, id: id)).First;
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
        }
        catch (PlaywrightException)
        {
            var shown = await ShownOnFailureAsync();
            await FailAsync($"message {id} missing", "the page", $"show message {MessageNames.Describe(id)} ({why}) within {_deadline.Expired}", situation,
                $"it showed {MessageNames.Ids(shown)}", $"[{id}]", MessageNames.Ids(shown));
        }
    }

    /// <summary>The page does not show message <paramref name="id"/> (checked once the page has loaded).</summary>
    public async Task ExpectNoMessageAsync(long id, string situation, string why)
    {
        var shown = await ShownMessageIdsAsync();
        if (shown.Contains(id))
        {
            await FailAsync($"message {id} still shown", "the page", $"not show message {MessageNames.Describe(id)} ({why})", situation,
                $"it showed {MessageNames.Ids(shown)}", $"no {id}", MessageNames.Ids(shown));
        }
    }

    /// <summary>An element of <see cref="UiSelectors"/> is visible, within the action timeout.</summary>
    public async Task ExpectVisibleAsync(string element, string situation, string why, string? address = null)
    {
        try
        {
            await Assertions.Expect(_page.Locator(Selector(element, address)).First)
                .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
        }
        catch (PlaywrightException)
        {
            await FailAsync($"{element} not shown", "the page", $"show the {element} element `{Selector(element, address)}` ({why}) within {_deadline.Expired}", situation,
                "it was not visible", Selector(element, address), "(not visible)");
        }
    }

    /// <summary>
    /// The last press left the login UI for the return URL, and that page says "signed in" (spec §2.14 step 5, browser
    /// row: 303 to return_to or default_browser_return_url). The session itself is checked through whoami.
    /// </summary>
    public async Task ExpectSignedInAsync(string situation)
    {
        if (IsLoginPage(_page.Url))
        {
            var shown = await ShownOnFailureAsync();
            await FailAsync("still on the login page", "the browser", "leave the login UI for the return URL (a correct code ends the flow, spec §2.14 step 5)",
                situation, $"it is still on the login page showing {MessageNames.Ids(shown)}", "a page outside " + LoginUiUrl.AbsolutePath, _page.Url);
        }

        if (_selectors[UiSelectors.SignedIn].Length > 0)
        {
            await ExpectVisibleAsync(UiSelectors.SignedIn, situation, "default_browser_return_url shows the signed-in page");
        }
    }

    public async Task ExpectOnLoginPageAsync(string situation, string why)
    {
        if (!IsLoginPage(_page.Url) || !_page.Url.Contains("flow=", StringComparison.Ordinal))
        {
            var error = await ErrorIdAsync();
            var expected = LoginUiUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "?flow=…";
            await FailAsync("not on the login UI", "the browser", $"be on the login UI {expected} ({why})", situation,
                $"it was at {_page.Url}{(error is null ? string.Empty : " showing error " + error)}", expected, _page.Url,
                "selfservice.flows.login.ui_url must point at the UI under test (--ui-url)");
        }
    }

    /// <summary>Ids of every message the loaded page shows, read from the digits ending each element's data-testid.</summary>
    public async Task<IReadOnlyList<long>> ShownMessageIdsAsync()
    {
        // Evaluating in a document that is being replaced fails with "Execution context was destroyed": read the
        // page only once it has loaded (at once for a page a press or open already waited for). The check runs in the
        // page, so it survives a navigation instead of racing with Playwright's client-side load-state events.
        await _page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new PageWaitForFunctionOptions { Timeout = _timeoutMs, PollingInterval = 20 });
        var testIds = await _page.Locator(_selectors[UiSelectors.AnyMessage])
            .EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-testid') || e.id || '')");
        return testIds.Select(t => TrailingDigits().Match(t))
            .Where(m => m.Success)
            .Select(m => long.Parse(m.Value, CultureInfo.InvariantCulture))
            .ToList();
    }

    private async Task PressAsync(string element, string what, string? address = null)
    {
        var button = _page.Locator(Selector(element, address));
        _lastAction = what;
        // A form post ends in a 303 chain and a new document, possibly at the same URL (resend, wrong code), so no URL
        // tells the new page from the old one. The document the press comes from is marked, and the wait (run inside
        // the page by Playwright, across the navigation) ends only on an unmarked document that has loaded: the next
        // check never reads the page the press came from, nor a document that is being replaced. Waiting on
        // client-side events instead (page.Load, FrameNavigated then WaitForLoadState) raced with their dispatch.
        var marker = Guid.NewGuid().ToString("N");
        try
        {
            await _page.EvaluateAsync("m => { window.__kcPressedFrom = m; }", marker);
            await button.ClickAsync(new LocatorClickOptions { Timeout = _timeoutMs });
            await _page.WaitForFunctionAsync(
                "m => window.__kcPressedFrom !== m && document.readyState === 'complete'",
                marker,
                new PageWaitForFunctionOptions { Timeout = _timeoutMs, PollingInterval = 20 });
        }
        catch (TimeoutException)
        {
            await FailAsync("no page after the press", "the browser", $"load the page Kratos redirects to after \"{what}\"", "within " + _deadline.Expired,
                $"it stayed at {_page.Url}", "a new page", _page.Url);
        }

        _evidence.Note($"browser: {what} → {_page.Url}");
    }

    private string Selector(string element, string? address = null, long? id = null)
    {
        var selector = _selectors[element];
        if (address is not null)
        {
            selector = selector.Replace("{address}", address, StringComparison.Ordinal);
        }

        return id is null ? selector : selector.Replace("{id}", id.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private bool IsLoginPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var current)
        && string.Equals(current.GetLeftPart(UriPartial.Path).TrimEnd('/'), LoginUiUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private async Task<string?> ErrorIdAsync()
    {
        var error = _page.Locator("[data-testid=\"ui/error/id\"]");
        return await error.CountAsync() > 0 ? await error.First.TextContentAsync() : null;
    }

    private async Task FailAsync(string headline, string subject, string expectation, string situation, string actual, string expectedValue, string actualValue, string? hint = null)
    {
        var shown = await ShownOnFailureAsync();
        if (hint is null && shown.Contains(NoStrategyFound))
        {
            hint = RepeatedFieldHint;
        }

        throw new ConformanceCheckException(new CheckFailure
        {
            CheckId = PageCheck.Id,
            TestId = _testId,
            Headline = headline,
            Subject = subject,
            Expectation = expectation,
            Situation = situation,
            Actual = actual,
            ExpectedValue = expectedValue,
            ActualValue = actualValue,
            Flow = $"page {FlowDescription.ShortenIds(_page.Url)} messages={MessageNames.Ids(shown)} (selectors: {_selectors.Source})",
            Request = _lastAction is null ? null : $"browser: {_lastAction}",
            Hint = hint,
        });
    }

    // A failure is being reported: a page that can not be read must not replace it with a Playwright error.
    private async Task<IReadOnlyList<long>> ShownOnFailureAsync()
    {
        try
        {
            return await ShownMessageIdsAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _evidence.Note($"browser: the page's messages could not be read for the failure report: {e.Message}");
            return [];
        }
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();
}
