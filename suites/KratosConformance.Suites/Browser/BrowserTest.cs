using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// First layer of the browser suite (Playwright.NUnit's BrowserTest): a conformance test that holds the run's shared
/// Chromium. Layers above add a context per test (<see cref="ContextTest"/>) and a page (<see cref="PageTest"/>).
/// </summary>
public abstract class BrowserTest : ConformanceTest
{
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser exists only while a test runs.");

    [SetUp]
    public async Task AcquireBrowserAsync() => _browser = await SharedBrowser.GetAsync(Scope.Settings.Patience, Scope.Settings.BrowserWs);
}
