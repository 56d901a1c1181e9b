using System.Runtime.InteropServices;
using KratosConformance.Harness.Processes;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// One temp folder per test process for everything the Playwright driver and Chromium write (the browser profile
/// playwright_chromiumdev_profile-*, playwright-artifacts-*), an <see cref="OwnedTempDirectory"/> "kc-browser-…". It
/// is removed when the browser closes, on SIGINT/SIGTERM (Ctrl-C) and at exit; a run killed outright leaves it, and
/// the next run removes it. Playwright's driver puts those folders in its os.tmpdir(), so the driver is started with
/// TMPDIR pointing here.
/// </summary>
internal static class BrowserTempRoot
{
    private const string Prefix = "kc-browser-";
    private static readonly Lock Gate = new();
    private static string? _path;
    private static PosixSignalRegistration? _sigint;
    private static PosixSignalRegistration? _sigterm;

    /// <summary>
    /// Runs <paramref name="start"/> (which must start its child process synchronously, as Playwright.CreateAsync does
    /// before its first await) with TMPDIR set to this process's folder, then restores TMPDIR.
    /// </summary>
    public static T WithTempDir<T>(Func<T> start)
    {
        lock (Gate)
        {
            if (_sigint is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
                // The default action (ending the process) still follows: the handlers only clean up first.
                _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Remove());
                _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Remove());
            }

            _path ??= OwnedTempDirectory.Create(Prefix);

            var previous = Environment.GetEnvironmentVariable("TMPDIR");
            Environment.SetEnvironmentVariable("TMPDIR", _path);
            try
            {
                return start();
            }
            finally
            {
                Environment.SetEnvironmentVariable("TMPDIR", previous);
            }
        }
    }

    /// <summary>Removes this process's folder (what Chromium still writes while it dies is removed by the next run).</summary>
    public static void Remove()
    {
        lock (Gate)
        {
            if (_path is not null)
            {
                OwnedTempDirectory.TryDelete(_path);
                _path = null;
            }
        }
    }
}
