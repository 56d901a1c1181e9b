using KratosConformance.Client.Waiting;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// One Chromium per test run, launched on first use and shared by every browser test (each gets its own context, so
/// cookies never leak between tests). Launching costs about a second; doing it once keeps the suite well under 60 s.
/// Its profile and Playwright's artifacts live in <see cref="BrowserTempRoot"/>, removed when it closes. Thread-safe:
/// browser tests run in parallel. With --browser-ws (KC_BROWSER_WS) the browser is a remote Playwright server's instead:
/// connected to once, with this machine's loopback exposed to it, so a browser elsewhere reaches the harness's
/// 127.0.0.1 endpoints (the in-process double, the reference UIs) through Playwright's own tunnel.
/// </summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync(Patience patience, Uri? browserWs, CancellationToken cancellationToken = default)
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            // A crashed Chromium is replaced rather than failing every later test with "browser has been closed".
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            _playwright ??= await BrowserTempRoot.WithTempDir(Playwright.CreateAsync);
            if (browserWs is not null)
            {
                _browser = await ConnectAsync(_playwright, browserWs, patience);
                return _browser;
            }

            var launch = patience.For("Chromium launch", TimeSpan.FromSeconds(30));
            try
            {
                _browser = await _playwright.Chromium.LaunchAsync(DebianChromium.LaunchOptions(launch));
            }
            catch (TimeoutException e)
            {
                throw new DeadlineExpiredException($"launching {DebianChromium.ExecutablePath}", launch, e);
            }

            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IBrowser> ConnectAsync(IPlaywright playwright, Uri browserWs, Patience patience)
    {
        var connect = patience.For("connecting to the Playwright server", TimeSpan.FromSeconds(30));
        try
        {
            return await playwright.Chromium.ConnectAsync(
                browserWs.AbsoluteUri,
                new BrowserTypeConnectOptions { Timeout = (float)connect.Limit.TotalMilliseconds, ExposeNetwork = "<loopback>" });
        }
        catch (TimeoutException e)
        {
            throw new DeadlineExpiredException($"connecting to {browserWs}", connect, e);
        }
    }

    public static async Task CloseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
            BrowserTempRoot.Remove();
        }
        finally
        {
            Gate.Release();
        }
    }
}
