using KratosConformance.Client.Waiting;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// How the suite launches a browser: always Debian's Chromium. Playwright's own browser download cannot work on this
/// project's machines (no registry but apt, NuGet and npm), so the executable is never left to Playwright
/// (toolchain.md, "Playwright for .NET with Debian's Chromium").
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// --no-sandbox: the harness runs as root in a VM/container. The networking, component-update and sync switches
    /// stop Chromium from calling outside hosts, which this machine cannot reach and a conformance run must not need.
    /// </summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>Debian's Chromium, headless unless HEADED=1, its launch bounded by <paramref name="launch"/>.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions(Deadline launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the browser suite drives Debian's Chromium. Install it with `apt-get install -y chromium` (./kc does this in its set-up).");
        }

        return new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Args = Args,
            // HEADED=1 as in Playwright's own runners, for watching a test locally.
            Headless = Environment.GetEnvironmentVariable("HEADED") != "1",
            Timeout = (float)launch.Limit.TotalMilliseconds,
        };
    }
}
