using System.Globalization;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Waiting;
using KratosConformance.Reports.Evidence;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Keeps what a failed browser test saw, as Browser steps beside its HTTP and mail evidence: per open page a
/// screenshot and the (masked) HTML, then the Playwright trace (open it at trace.playwright.dev or with
/// <c>playwright.ps1 show-trace</c>). The trace holds the raw network, cookies included: it is written only on failure.
/// </summary>
internal static class BrowserEvidence
{
    public static async Task KeepAsync(IBrowserContext context, EvidenceRecorder evidence, Deadline screenshot)
    {
        if (string.IsNullOrEmpty(evidence.Directory))
        {
            // A discarding recorder (self-tests): nothing may touch the disk.
            await context.Tracing.StopAsync();
            return;
        }

        var pages = context.Pages.Where(p => !p.IsClosed).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var suffix = pages.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"-{i + 1}");
            await TryAsync(evidence, $"screenshot{suffix}", async () =>
            {
                var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = (float)screenshot.Limit.TotalMilliseconds });
                Attach(evidence, $"page{suffix}.png", $"screenshot of {page.Url}", path => File.WriteAllBytes(path, bytes));
            });
            await TryAsync(evidence, $"page HTML{suffix}", async () =>
            {
                var html = PageHtml.Mask(await page.ContentAsync(), evidence.Masker);
                Attach(evidence, $"page{suffix}.html", $"page HTML of {page.Url}", path => File.WriteAllText(path, html));
            });
        }

        await TryAsync(evidence, "trace", async () =>
        {
            var name = evidence.WriteFile("trace.zip", string.Empty);
            var path = Path.Combine(evidence.Directory, name);
            await context.Tracing.StopAsync(new TracingStopOptions { Path = path });
            Record(evidence, name, "Playwright trace (open at https://trace.playwright.dev)", path);
        });
    }

    /// <summary>Binary files get the same NNNN- numbering as the recorder's own files: reserve the name, then overwrite it.</summary>
    private static void Attach(EvidenceRecorder evidence, string name, string title, Action<string> write)
    {
        var relative = evidence.WriteFile(name, string.Empty);
        var path = Path.Combine(evidence.Directory, relative);
        write(path);
        Record(evidence, relative, title, path);
    }

    private static void Record(EvidenceRecorder evidence, string relative, string title, string path)
    {
        evidence.Record(new EvidenceStep { Seq = 0, Kind = EvidenceKind.Browser, Title = title, File = relative });
        TestContext.AddTestAttachment(path, title);
    }

    // Evidence must never turn a failure into a different one (a crashed page cannot be screenshotted).
    private static async Task TryAsync(EvidenceRecorder evidence, string what, Func<Task> keep)
    {
        try
        {
            await keep();
        }
        catch (Exception e) when (e is PlaywrightException or IOException or TimeoutException)
        {
            evidence.Note($"browser evidence: could not keep the {what}: {e.Message}");
        }
    }
}
