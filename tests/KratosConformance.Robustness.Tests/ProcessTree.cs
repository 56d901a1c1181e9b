using System.Globalization;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;

namespace KratosConformance.Robustness.Tests;

/// <summary>A process and its descendants, by PID and start time (so a recycled PID is not mistaken for one of them).</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<RunOwner> Of(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return [.. tree.Select(RunOwner.Of).OfType<RunOwner>()];
    }

    /// <summary>Waits until none of <paramref name="processes"/> runs; fails naming those that still do.</summary>
    public static Task AllEndedAsync(IReadOnlyList<RunOwner> processes, Deadline deadline, KcProcess? kc = null) =>
        Poll.UntilAsync(
            _ => Task.FromResult(processes.Where(p => p.State() == OwnerState.Alive).ToList()),
            alive => alive.Count == 0,
            new PollOptions("every process kc started to end", deadline),
            t => new InvalidOperationException(
                $"processes kc started still run after {t.Deadline.Expired}: " + string.Join("; ", (t.Last ?? []).Select(p => $"PID {p.Pid} {CommandLine(p.Pid)}"))
                + (kc is null ? string.Empty : "; kc's output:\n" + kc.Output)));

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The command line of a running process, "(gone)" after it ended.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(gone)";
        }
    }
}
