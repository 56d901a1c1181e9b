namespace KratosConformance.Containers;

/// <summary>
/// The process that started a Docker resource, precisely enough to tell, later and from another process, whether it
/// is still running: the kernel's boot id (a reboot ends every process), the PID namespace (a PID means nothing in
/// another one), the PID, and the process's start time in clock ticks since boot (<c>/proc/&lt;pid&gt;/stat</c> field
/// 22), so a recycled PID is not taken for the owner. Every container, network and volume the project starts carries
/// it as the <see cref="Label" />; the start-up sweep (<see cref="LeftoverSweep" />) removes what a gone owner left.
/// </summary>
public sealed record RunOwner(string BootId, string PidNamespace, int Pid, long StartTicks)
{
    /// <summary>The label whose value is <see cref="LabelValue" />.</summary>
    public const string Label = "kratos-conformance.owner";

    /// <summary>This process, read once.</summary>
    public static RunOwner? Current { get; } = Of(Environment.ProcessId);

    /// <summary>"&lt;boot id&gt;/&lt;pid namespace&gt;/&lt;pid&gt;/&lt;start ticks&gt;".</summary>
    public string LabelValue => string.Create(CultureInfo.InvariantCulture, $"{BootId}/{PidNamespace}/{Pid}/{StartTicks}");

    /// <summary>The owner of a running process; null when it is gone or this is not Linux.</summary>
    public static RunOwner? Of(int pid)
    {
        var boot = ReadTrimmed("/proc/sys/kernel/random/boot_id");
        var ns = PidNamespaceOf(pid);
        var start = StartTicksOf(pid);
        return boot is null || ns is null || start is null ? null : new RunOwner(boot, ns, pid, start.Value);
    }

    /// <summary>Reads a label value; null when it is not one (an older run's resource, a foreign label).</summary>
    public static RunOwner? Parse(string? value)
    {
        var parts = value?.Split('/') ?? [];
        return parts.Length == 4 && parts[0].Length > 0 && parts[1].Length > 0
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                ? new RunOwner(parts[0], parts[1], pid, start)
                : null;
    }

    /// <summary>
    /// Whether this owner still runs, as far as this process can see: <see cref="OwnerState.Unknown" /> when it lives in
    /// another PID namespace (nothing is removed then), <see cref="OwnerState.Gone" /> after a reboot or when no process
    /// with that PID and start time exists.
    /// </summary>
    public OwnerState State()
    {
        if (Current is not { } self)
        {
            return OwnerState.Unknown;
        }

        if (BootId != self.BootId)
        {
            return OwnerState.Gone;
        }

        if (PidNamespace != self.PidNamespace)
        {
            return OwnerState.Unknown;
        }

        return StartTicksOf(Pid) == StartTicks ? OwnerState.Alive : OwnerState.Gone;
    }

    /// <summary>Field 22 of /proc/&lt;pid&gt;/stat; the command name (field 2) may hold spaces and parentheses, so count from its end.</summary>
    internal static long? StartTicksOf(int pid)
    {
        var stat = ReadTrimmed($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || close < 0)
        {
            return null;
        }

        // After ") " come field 3 (state) onwards; field 22 is the 20th of them.
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    private static string? PidNamespaceOf(int pid)
    {
        try
        {
            // "pid:[4026531836]"
            var link = new FileInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/ns/pid").LinkTarget;
            return link is { Length: > 6 } && link.StartsWith("pid:[", StringComparison.Ordinal) ? link[5..^1] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
