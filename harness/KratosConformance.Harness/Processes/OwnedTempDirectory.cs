using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace KratosConformance.Harness.Processes;

/// <summary>
/// Temp folders named after the process that owns them: &lt;prefix&gt;&lt;pid&gt;-&lt;start&gt;-&lt;random&gt;. A run that
/// ends normally removes its own; a run that is killed (SIGKILL, a crashed CI step) can not, so every new folder's
/// creation first removes the folders with the same prefix whose owner is gone, and never those of a live run (the
/// start time tells the owner from a later process that reuses its pid).
/// </summary>
public static class OwnedTempDirectory
{
    /// <summary>Removes dead owners' leftovers of <paramref name="prefix"/> ("kc-smtp4dev-"), then creates this process's next folder.</summary>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        SweepDeadOwners(prefix);
        using var self = Process.GetCurrentProcess();
        return Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"{prefix}{self.Id}-{StartSeconds(self)}-")).FullName;
    }

    /// <summary>Removes the folders of <paramref name="prefix"/> whose owning process is gone; folders of other shapes are left alone.</summary>
    public static void SweepDeadOwners(string prefix)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var parts = Path.GetFileName(dir)[prefix.Length..].Split('-');
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
                && !IsAlive(pid, started))
            {
                TryDelete(dir);
            }
        }
    }

    /// <summary>Deletes <paramref name="path"/> and everything below; false when something could not be removed (still in use).</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsAlive(int pid, long startSeconds)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return StartSeconds(process) == startSeconds;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }

    private static long StartSeconds(Process process) => process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
}
