using System.Globalization;
using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>RFC 3339 with fractional seconds in UTC, as Go's time.Time marshals.</summary>
internal static class Time
{
    public static string Format(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static JsonNode Node(DateTimeOffset t) => JsonValue.Create(Format(t));
}
