using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// One Chromium per test run, launched on first use and shared by every browser test (each gets its own context, so
/// cookies never leak between tests). Launching costs about a second; doing it once keeps the suite well under 60 s.
/// Thread-safe: browser tests run in parallel.
/// </summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> GetAsync(CancellationToken cancellationToken = default)
    {
        if (browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            // A crashed Chromium is replaced rather than failing every later test with "browser has been closed".
            if (browser is { IsConnected: true } launched)
            {
                return launched;
            }

            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(DebianChromium.LaunchOptions());
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CloseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
                browser = null;
            }

            playwright?.Dispose();
            playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
