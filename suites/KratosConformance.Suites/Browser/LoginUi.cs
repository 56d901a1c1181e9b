using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Suites.Checks;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The login UI as a user drives it in the test's page: it opens Kratos's browser flow, fills and presses what the page
/// shows and checks what the page shows. Elements are found by Kratos's node contract (<see cref="NodeLocator"/>, with
/// the flow the page shows read alongside it), so a server-rendered UI and an SPA are driven alike: a press waits for
/// the submission to Kratos it causes and, when that was a form post, for the new page's load; checks then wait, each
/// within the "browser action" deadline, for what Kratos's flow says the page must show. Failures read in the house
/// format, naming the element and how it was looked for.
/// </summary>
public sealed partial class LoginUi
{
    /// <summary>What the page shows: the login UI renders Kratos's flow (messages, code form) the way the spec's tables say.</summary>
    public static readonly CheckDefinition PageCheck = new("browser.page", "the login UI page shows what Kratos's flow says at each step (messages, code form, outcome)", "uiContainer.messages", "uiContainer.nodes");

    private readonly IPage _page;
    private readonly Uri _kratos;
    private readonly BrowserKratos _browserKratos;
    private readonly UiSelectors _selectors;
    private readonly EvidenceRecorder _evidence;
    private readonly Deadline _deadline;
    private readonly float _timeoutMs;
    private readonly LoginUiFailures _fail;
    private string? _flowId;

    public LoginUi(IPage page, Uri kratosPublicUrl, UiLocation ui, UiSelectors selectors, string testId, EvidenceRecorder evidence, Deadline actionDeadline)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(actionDeadline);
        _page = page;
        _kratos = kratosPublicUrl.AbsoluteUri.EndsWith('/') ? kratosPublicUrl : new Uri(kratosPublicUrl.AbsoluteUri + "/");
        Location = ui;
        _selectors = selectors;
        _evidence = evidence;
        _deadline = actionDeadline;
        _timeoutMs = (float)actionDeadline.Limit.TotalMilliseconds;
        _browserKratos = new BrowserKratos(page.Context, _kratos, evidence, _timeoutMs);
        Messages = new ShownMessages(page, _browserKratos, selectors, evidence, _timeoutMs);
        _fail = new LoginUiFailures(page, testId, selectors, Messages, PageCheck);
    }

    /// <summary>Where the UI under test is served (the login page or the UI's base URL).</summary>
    public UiLocation Location { get; }

    /// <summary>The messages the page shows.</summary>
    public ShownMessages Messages { get; }

    /// <summary>
    /// Opens GET /self-service/login/browser[?query] the way a link in an application would, and expects Kratos to
    /// redirect to the login UI with a flow (spec §2.2, §3 create).
    /// </summary>
    public async Task OpenAsync(string query, string situation)
    {
        var url = new Uri(_kratos, "self-service/login/browser" + (query.Length == 0 ? string.Empty : "?" + query));
        _fail.LastAction = $"GET {url.PathAndQuery}";
        try
        {
            await _page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            await _fail.ThrowAsync("page did not load", "the browser", $"load {url.PathAndQuery} and the page Kratos redirects to", "within " + _deadline.Expired,
                $"it was at {_page.Url}", "a loaded page", _page.Url);
        }

        _evidence.Note($"browser: open {url.PathAndQuery} → {_page.Url}");
        _flowId = null;
        await ExpectOnLoginPageAsync(situation, "Kratos redirects a new browser flow to selfservice.flows.login.ui_url?flow=<id>, spec §2.2", newFlow: true);
    }

    public async Task SignInWithPasswordAsync(string identifier, string password)
    {
        await FillAsync(NodeTarget.IdentifierField, identifier, "on the first-factor screen", "a password flow asks for the identifier");
        await FillAsync(NodeTarget.PasswordField, password, "on the first-factor screen", "a password flow asks for the password");
        await PressAsync(NodeTarget.PasswordSubmit, "sign in with the password");
    }

    /// <summary>Presses "Send code to &lt;address&gt;" on the choose_method screen (spec §2.6, §2.8).</summary>
    public Task PressSendCodeAsync(string address) => PressAsync(NodeTarget.SendCode(address), $"press \"Send code to {address}\"");

    public async Task SubmitCodeAsync(string code, string what)
    {
        await FillAsync(NodeTarget.CodeField, code, "on the code screen", "sent_email shows the code input, spec §2.9");
        await PressAsync(NodeTarget.CodeSubmit, what);
    }

    /// <summary>Presses "Resend code" (spec §2.10).</summary>
    public Task PressResendAsync() => PressAsync(NodeTarget.Resend, "press \"Resend code\"");

    /// <summary>Types <paramref name="value"/> into the element for <paramref name="target"/> once it is visible.</summary>
    public async Task FillAsync(NodeTarget target, string value, string situation, string why)
    {
        var (field, how) = await ExpectVisibleAsync(target, situation, why);
        try
        {
            await field.FillAsync(value, new LocatorFillOptions { Timeout = _timeoutMs });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            await _fail.ThrowAsync($"{target.Element} could not be filled", "the page", $"let the {target.Element} element {how} be typed into ({why})", situation,
                $"Playwright said: {FirstLine(e.Message)}", "an editable input", FirstLine(e.Message));
        }
    }

    /// <summary>
    /// Presses the button for <paramref name="target"/> and waits for the submission it causes: Kratos's
    /// POST …/self-service/login (a form post or an SPA's request). After a form post the wait ends on the new page's
    /// load (a new document, possibly at the same URL: resend, wrong code); after an SPA's request on its answer, and
    /// the checks that follow wait for the page to render it.
    /// </summary>
    public async Task PressAsync(NodeTarget target, string what)
    {
        var (button, how) = await ExpectVisibleAsync(target, "before \"" + what + "\"", "the flow offers it");
        _fail.LastAction = $"{what} ({target.Element} {how})";
        var marker = Guid.NewGuid().ToString("N");
        await _page.EvaluateAsync("m => { window.__kcPressedFrom = m; }", marker);
        var submitted = _page.WaitForRequestAsync(r => r.Method == "POST" && IsSubmission(r.Url), new PageWaitForRequestOptions { Timeout = _timeoutMs });
        try
        {
            await button.ClickAsync(new LocatorClickOptions { Timeout = _timeoutMs });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _ = submitted.ContinueWith(t => t.Exception, TaskScheduler.Default);
            await _fail.ThrowAsync($"{target.Element} could not be pressed", "the page", $"let the {target.Element} element {how} be clicked (\"{what}\")", "within " + _deadline.Expired,
                $"Playwright said: {FirstLine(e.Message)}", "a clickable button", FirstLine(e.Message));
        }

        IRequest? request = null;
        try
        {
            request = await submitted;
        }
        catch (TimeoutException)
        {
            await _fail.ThrowAsync("no submission after the press", "the UI", $"submit the flow to Kratos (POST {new Uri(_kratos, "self-service/login").AbsolutePath} or …/settings?flow=…) when {target.Element} {how} is pressed (\"{what}\")",
                "within " + _deadline.Expired, $"Kratos received no submission; the page is at {_page.Url}", "POST …/self-service/{login,settings}?flow=…", "(none)",
                "the pressed element must submit the form (or the SPA's request) with the node's name and value");
        }

        await AfterSubmissionAsync(request!, what, marker);
        _evidence.Note($"browser: {what} ({target.Element} {how}) → {(request!.IsNavigationRequest ? "form post" : "request")} → {_page.Url}");
    }

    /// <summary>The element for <paramref name="target"/> is visible, within the action timeout; returns it and how it was found.</summary>
    public async Task<(ILocator Locator, string How)> ExpectVisibleAsync(NodeTarget target, string situation, string why)
    {
        var flow = await _browserKratos.FlowAsync(_page.Url);
        Messages.Learn(flow);
        var (locator, how) = NodeLocator.For(_page, _selectors, flow, target);
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
        }
        catch (PlaywrightException)
        {
            var notInFlow = target.FindIn(flow) is null && flow is not null;
            var inFlow = notInFlow ? $"; the flow (state {flow!.State}) has no such node either" : string.Empty;
            await _fail.ThrowAsync($"{target.Element} not shown", "the page", $"show the {target.Element} element ({why}) within {_deadline.Expired}", situation,
                $"no visible element matched {how}{inFlow}", target.Describe(), "(not visible)", LoginUiFailures.NotShownHint(target, _selectors, notInFlow));
        }

        return (locator, how);
    }

    /// <summary>
    /// The page shows message <paramref name="id"/> (Ory's test id or the flow's text for it), or one of
    /// <paramref name="sameMeaning"/>: ids Kratos itself uses for the same state in other versions, which a UI may render
    /// for it. Within the action timeout.
    /// </summary>
    public async Task ExpectMessageAsync(long id, string situation, string why, params long[] sameMeaning)
    {
        long[] ids = [id, .. sameMeaning];
        var how = await Messages.ExpectShownAsync(ids);
        if (how is not null)
        {
            var shown = await Messages.ShownOnFailureAsync();
            var named = string.Join(" or ", ids.Select(MessageNames.Describe));
            await _fail.ThrowAsync($"message {id} missing", "the page", $"show message {named} ({why}) within {_deadline.Expired}", situation,
                $"it showed {MessageNames.Ids(shown)} (looked for {how})", MessageNames.Ids(ids), MessageNames.Ids(shown));
        }
    }

    /// <summary>The page shows neither message <paramref name="id"/> nor <paramref name="sameMeaning"/> (waits, within the action timeout, for an SPA's re-render).</summary>
    public async Task ExpectNoMessageAsync(long id, string situation, string why, params long[] sameMeaning)
    {
        long[] ids = [id, .. sameMeaning];
        if (await Messages.ExpectGoneAsync(ids) is { } how)
        {
            var shown = await Messages.ShownOnFailureAsync();
            await _fail.ThrowAsync($"message {id} still shown", "the page", $"not show message {string.Join(" or ", ids.Select(MessageNames.Describe))} ({why})", situation,
                $"it showed {MessageNames.Ids(shown)} ({how})", "none of " + MessageNames.Ids(ids), MessageNames.Ids(shown));
        }
    }

    /// <summary>
    /// The last press ended the flow: the browser left the flow's page (spec §2.14 step 5: 303 to return_to or
    /// default_browser_return_url; an SPA follows continue_with) and /sessions/whoami with the browser's cookies
    /// answers 200. A selector map's signed-in element adds a page check.
    /// </summary>
    public async Task ExpectSignedInAsync(string situation)
    {
        var flow = _flowId;
        try
        {
            await _page.WaitForURLAsync(url => BrowserKratos.FlowId(url) != flow, new PageWaitForURLOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            var shown = await Messages.ShownOnFailureAsync();
            await _fail.ThrowAsync("still on the login page", "the browser", "leave the flow's page for the return URL (a correct code ends the flow, spec §2.14 step 5)",
                situation, $"it is still on flow {flow} showing {MessageNames.Ids(shown)} after {_deadline.Expired}", "a page without ?flow=" + flow, _page.Url);
        }

        var (status, body) = await _browserKratos.WhoAmIAsync();
        if (status != 200)
        {
            await _fail.ThrowAsync("no session in the browser", "the browser", "hold a session after the flow ended (GET /sessions/whoami with its cookies answers 200, spec §2.14)",
                situation, $"whoami answered {status}: {FirstLine(body)}", "200", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_selectors.Override(UiSelectors.SignedIn) is { } signedIn)
        {
            try
            {
                await Assertions.Expect(_page.Locator(signedIn).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
            }
            catch (PlaywrightException)
            {
                await _fail.ThrowAsync("signed-in not shown", "the page", $"show the signed-in element `{signedIn}` (selector map) within {_deadline.Expired}", situation,
                    "it was not visible", signedIn, "(not visible)");
            }
        }
    }

    /// <summary>
    /// The browser is on the UI under test with a flow in its URL (waited for: an SPA gets there through its own
    /// redirects); with <paramref name="newFlow"/> a flow other than the one the last page showed.
    /// </summary>
    public async Task ExpectOnLoginPageAsync(string situation, string why, bool newFlow = false)
    {
        var previous = newFlow ? _flowId : null;
        try
        {
            await _page.WaitForURLAsync(
                url => Location.Contains(url) && BrowserKratos.FlowId(url) is { } id && id != previous,
                new PageWaitForURLOptions { Timeout = _timeoutMs, WaitUntil = WaitUntilState.Load });
        }
        catch (TimeoutException)
        {
            var error = await _fail.ErrorIdAsync();
            await _fail.ThrowAsync("not on the login UI", "the browser", $"be on the login UI {Location}…?flow=<{(previous is null ? "id" : "a new flow than " + previous)}> ({why})", situation,
                $"it was at {_page.Url}{(error is null ? string.Empty : " showing error " + error)} after {_deadline.Expired}", Location + "…?flow=…", _page.Url,
                $"Kratos sends browser flows to selfservice.flows.login.ui_url: that must be the UI under test ({Location.Source}); --ui-url takes the UI's base URL or its login page");
        }

        _flowId = BrowserKratos.FlowId(_page.Url);
    }

    private async Task AfterSubmissionAsync(IRequest request, string what, string marker)
    {
        try
        {
            if (request.IsNavigationRequest)
            {
                // A form post ends in a 303 chain and a new document, possibly at the same URL: the wait (run in the page,
                // across the navigation) ends only on an unmarked document that has loaded.
                await _page.WaitForFunctionAsync("m => window.__kcPressedFrom !== m && document.readyState === 'complete'", marker,
                    new PageWaitForFunctionOptions { Timeout = _timeoutMs, PollingInterval = 20 });
            }
            else
            {
                await request.ResponseAsync();
            }
        }
        catch (TimeoutException)
        {
            await _fail.ThrowAsync("no page after the press", "the browser", $"load the page Kratos's answer leads to after \"{what}\"", "within " + _deadline.Expired,
                $"it stayed at {_page.Url}", "a new page", _page.Url);
        }
    }

    // The submission's URL is the flow's ui.action: Kratos's public URL, or a proxy of it that keeps the path; a login
    // page submits to …/self-service/login, a settings page to …/self-service/settings.
    private static bool IsSubmission(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.AbsolutePath.EndsWith("/self-service/login", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith("/self-service/settings", StringComparison.Ordinal));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
