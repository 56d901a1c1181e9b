using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kratos.Double.Logging;

/// <summary>
/// Log lines as Kratos writes them (oryx/logrusx): logrus's text formatter with DisableQuote and full RFC 3339
/// timestamps (time, level, msg, then the fields sorted by key; Go's fmt renders maps as map[k:v]), or its JSON
/// formatter with log.format json; every line carries audience, service_name "Ory Kratos" and service_version. Kratos
/// writes them to stderr. log.level (or LOG_LEVEL) filters; Kratos's default is info.
/// </summary>
internal sealed class KratosLog(TextWriter writer, string version)
{
    /// <summary>service_version on every line: the emulated Kratos version.</summary>
    public string Version { get; set; } = version;

    private static readonly string[] Levels = ["trace", "debug", "info", "warning", "error", "fatal", "panic"];
    private readonly Lock _gate = new();

    /// <summary>Lines below this level are dropped (logrus's default: info).</summary>
    public string Level { get; private set; } = "info";

    /// <summary>"text" (default) or "json".</summary>
    public string Format { get; private set; } = "text";

    /// <summary>Applies log.level and log.format as logrusx reads them; unknown values keep the defaults.</summary>
    public void Configure(string? level, string? format)
    {
        var normalized = level?.Trim().ToLowerInvariant() switch
        {
            "warn" => "warning",
            { } l when Levels.Contains(l) => l,
            _ => null,
        };
        Level = normalized ?? "info";
        Format = format?.Trim().ToLowerInvariant() is "json" or "json_pretty" ? "json" : "text";
    }

    public void Debug(string message, params (string Key, object? Value)[] fields) => Write("debug", message, fields);

    public void Info(string message, params (string Key, object? Value)[] fields) => Write("info", message, fields);

    public void Warn(string message, params (string Key, object? Value)[] fields) => Write("warning", message, fields);

    public void Error(string message, params (string Key, object? Value)[] fields) => Write("error", message, fields);

    /// <summary>What logrusx's WithError attaches: error=map[message:…].</summary>
    public static IReadOnlyDictionary<string, object?> ErrorMap(string message) =>
        new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["message"] = message };

    private void Write(string level, string message, (string Key, object? Value)[] fields)
    {
        if (Array.IndexOf(Levels, level) < Array.IndexOf(Levels, Level))
        {
            return;
        }

        var all = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["audience"] = "application", ["service_name"] = "Ory Kratos", ["service_version"] = Version,
        };
        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        var now = DateTimeOffset.UtcNow;
        var line = Format == "json" ? Json(level, message, all, now) : Text(level, message, all, now);
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string Text(string level, string message, SortedDictionary<string, object?> fields, DateTimeOffset now)
    {
        var line = new StringBuilder()
            .Append("time=").Append(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append(" level=").Append(level);
        if (message.Length > 0)
        {
            line.Append(" msg=").Append(message);
        }

        foreach (var (key, value) in fields)
        {
            line.Append(' ').Append(key).Append('=').Append(GoFormat(value));
        }

        return line.ToString();
    }

    private static string Json(string level, string message, SortedDictionary<string, object?> fields, DateTimeOffset now)
    {
        var all = new SortedDictionary<string, object?>(fields, StringComparer.Ordinal)
        {
            ["level"] = level, ["msg"] = message,
            ["time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        };
        return ToJson(all)!.ToJsonString();
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IEnumerable<KeyValuePair<string, object?>> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>fmt.Sprint as logrus uses it: maps as map[key:value …] sorted by key, everything else as text.</summary>
    private static string GoFormat(object? value) => value switch
    {
        null => "<nil>",
        bool b => b ? "true" : "false",
        IEnumerable<KeyValuePair<string, object?>> map =>
            "map[" + string.Join(' ', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + GoFormat(p.Value))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
