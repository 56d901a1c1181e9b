using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>Third layer: one page in the test's context, the tab the scenario drives.</summary>
public abstract class PageTest : ContextTest
{
    private IPage? _page;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page exists only while a test runs.");

    [SetUp]
    public async Task NewPageAsync() => _page = await Context.NewPageAsync();
}
