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
    /// <summary>Upper bound of any single Playwright action or auto-waiting assertion (style principle 4).</summary>
    protected static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);

    private IBrowserContext? _context;

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
        _context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        _context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
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
                await BrowserEvidence.KeepAsync(_context, Evidence);
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
