using System.Globalization;

namespace Kratos.Double.Http;

/// <summary>logrus text lines like Kratos prints: time=… level=info msg="…" key=value.</summary>
internal sealed class KratosLog(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void Info(string message, params (string Key, object? Value)[] fields) => Write("info", message, fields);

    public void Warn(string message, params (string Key, object? Value)[] fields) => Write("warning", message, fields);

    public void Error(string message, params (string Key, object? Value)[] fields) => Write("error", message, fields);

    private void Write(string level, string message, (string Key, object? Value)[] fields)
    {
        var line = new System.Text.StringBuilder();
        line.Append("time=").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture))
            .Append(" level=").Append(level)
            .Append(" msg=").Append(Quote(message));
        foreach (var (key, value) in fields)
        {
            line.Append(' ').Append(key).Append('=').Append(Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        lock (_gate)
        {
            writer.WriteLine(line.ToString());
            writer.Flush();
        }
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '.' or '/' or ':' or '-' or '_' or '@')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
