using System.Globalization;
using KratosConformance.Containers;

namespace KratosConformance.Harness.Processes;

/// <summary>
/// Temp folders named after the process that owns them: &lt;prefix&gt;&lt;pid&gt;-t&lt;start ticks&gt;-&lt;random&gt;, the
/// start time in clock ticks since boot as /proc/&lt;pid&gt;/stat gives it (<see cref="RunOwner"/>). A run that ends
/// normally removes its own; a run that is killed (SIGKILL, a crashed CI step) can not, so every new folder's creation
/// first removes the folders with the same prefix whose owner is gone, and never those of a live run (the start time
/// tells the owner from a later process that reuses its pid). It used to be the wall-clock start second
/// (Process.StartTime), which two processes can compute one second apart: a concurrent run then took a live run's
/// folder for a dead one's and deleted it under its smtp4dev. Folders of that older form
/// (&lt;pid&gt;-&lt;seconds&gt;-…) are removed only when no process has their PID.
/// </summary>
public static class OwnedTempDirectory
{
    /// <summary>Removes dead owners' leftovers of <paramref name="prefix"/> ("kc-smtp4dev-"), then creates this process's next folder.</summary>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        SweepDeadOwners(prefix);
        var ticks = RunOwner.Current?.StartTicks ?? 0;
        return Directory.CreateTempSubdirectory(string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}-t{ticks}-")).FullName;
    }

    /// <summary>Removes the folders of <paramref name="prefix"/> whose owning process is gone; folders of other shapes are left alone.</summary>
    public static void SweepDeadOwners(string prefix)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var parts = Path.GetFileName(dir)[prefix.Length..].Split('-');
            if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsGone(pid, parts[1]))
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

    /// <summary>"t&lt;ticks&gt;": gone unless that PID runs with that start time; "&lt;seconds&gt;" (older form): gone only when the PID is unused.</summary>
    private static bool IsGone(int pid, string start)
    {
        if (start.StartsWith('t') && long.TryParse(start[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return RunOwner.Of(pid)?.StartTicks != ticks;
        }

        return long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out _) && RunOwner.Of(pid) is null;
    }
}
