using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KratosConformance.Bench;

/// <summary>Writes a bench report as &lt;timestamp&gt;.json: the figures the README's measured table is taken from.</summary>
public static class BenchReportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A ratio with no replay sample is NaN; it is written as "NaN" rather than failing the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>yyyyMMdd-HHmmss in local time: names the report file and the bench's work folder.</summary>
    public static string Stamp() => DateTimeOffset.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    public static string Write(BenchReport report, string directory, string stamp)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, stamp + ".json");
        File.WriteAllText(file, JsonSerializer.Serialize(report, Json));
        return file;
    }
}
