namespace KratosConformance.Suites.Browser;

/// <summary>
/// Closes the shared Chromium after the last browser test. It sits in the Browser namespace, so it runs inside the
/// run-wide <see cref="ConformanceRun"/>: the browser is gone before the target (and its reference UI) stops.
/// </summary>
[SetUpFixture]
public sealed class BrowserRun
{
    [OneTimeTearDown]
    public Task CloseBrowserAsync() => SharedBrowser.CloseAsync();
}
