using System.Diagnostics;
using System.Globalization;

namespace KratosConformance.Bench;

/// <summary>What the figures were measured on: a timing is only comparable with one from a similar machine and load.</summary>
public sealed record MachineNotes(
    int Cores,
    string? LoadAverage,
    string Os,
    string Runtime,
    long PeakWorkingSetBytes)
{
    /// <summary>Reads cores, /proc/loadavg (1, 5, 15 minutes; absent off Linux) and this process's peak working set.</summary>
    public static MachineNotes Now()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new MachineNotes(
            Environment.ProcessorCount,
            ReadLoadAverage(),
            Environment.OSVersion.ToString(),
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            self.PeakWorkingSet64);
    }

    public string PeakWorkingSetText => string.Create(CultureInfo.InvariantCulture, $"{PeakWorkingSetBytes / (1024.0 * 1024.0):0} MiB");

    private static string? ReadLoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? string.Join(' ', fields.Take(3)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
