using System.Diagnostics;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Harness.Smtp4dev;

/// <summary>The smtp4dev .NET tool under .kc/tools/smtp4dev (RepositoryLayout.StateDirectory); kc usually installed it already.</summary>
internal static class Smtp4devTool
{
    public static string ToolPath => Path.Combine(RepositoryLayout.StateDirectory, "tools", "smtp4dev-" + Smtp4devProcess.ToolVersion);

    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var toolPath = ToolPath;
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "smtp4dev.exe" : "smtp4dev");
        if (File.Exists(executable))
        {
            return executable;
        }

        var install = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "tool", "install", "Rnwood.Smtp4dev", "--version", Smtp4devProcess.ToolVersion, "--tool-path", toolPath })
        {
            install.ArgumentList.Add(arg);
        }

        using var process = Process.Start(install) ?? throw new Smtp4devStartException("Could not run 'dotnet tool install'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new Smtp4devStartException(
                $"'dotnet tool install Rnwood.Smtp4dev --version {Smtp4devProcess.ToolVersion} --tool-path {toolPath}' failed (exit {process.ExitCode}):"
                + $"{Environment.NewLine}{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}"
                + $"{Environment.NewLine}Run it by hand (it needs nuget.org), or start smtp4dev yourself and use --mail-url smtp4dev+http://127.0.0.1:<port>.");
        }

        return executable;
    }
}
