using KratosConformance.Client.Waiting;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Second layer: a fresh browser context per test, so each test has its own cookie jar (Kratos's CSRF and session
/// cookies) while sharing one Chromium. Tracing runs for every test but the trace, a screenshot and the page HTML are
/// kept only when the test fails (issue 6): a passing run leaves no browser files behind.
/// </summary>
public abstract class ContextTest : BrowserTest
{
    private IBrowserContext? _context;

    /// <summary>
    /// Upper bound of any single Playwright action, navigation or auto-waiting assertion (style principle 4): 10 s at
    /// patience 1, room for a loaded 2-core runner where a page load takes seconds.
    /// </summary>
    protected Deadline ActionDeadline => Scope.Settings.Patience.For("browser action", TimeSpan.FromSeconds(10));

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The browser context exists only while a test runs.");

    /// <summary>Override to change locale, viewport, base URL… of the test's context.</summary>
    protected virtual BrowserNewContextOptions ContextOptions() => new()
    {
        Locale = "en-US",
        ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
    };

    [SetUp]
    public async Task NewContextAsync()
    {
        _context = await Browser.NewContextAsync(ContextOptions());
        _context.SetDefaultTimeout((float)ActionDeadline.Limit.TotalMilliseconds);
        _context.SetDefaultNavigationTimeout((float)ActionDeadline.Limit.TotalMilliseconds);
        await _context.Tracing.StartAsync(new TracingStartOptions
        {
            Title = TestId,
            Screenshots = true,
            Snapshots = true,
        });
    }

    [TearDown]
    public async Task CloseContextAsync()
    {
        if (_context is null)
        {
            return;
        }

        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            {
                await BrowserEvidence.KeepAsync(_context, Evidence, ActionDeadline);
            }
            else
            {
                await _context.Tracing.StopAsync();
            }
        }
        finally
        {
            await _context.CloseAsync();
            _context = null;
        }
    }
}
