using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.State.Sqlite;

/// <summary>Column encodings: times as round-trip ISO 8601 text (sortable, exact), JSON as text.</summary>
internal static class Row
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

    public static DateTimeOffset Time(SqliteDataReader reader, int column) => Time(reader.GetString(column));

    public static JsonNode? Json(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : JsonNode.Parse(reader.GetString(column));
}
