using System.Text.Json.Nodes;

namespace KratosConformance.SmsSink;

/// <summary>One request the sink received, as GET /messages lists it (the contract of docs/sms-sink.md).</summary>
public sealed record ReceivedRequest(
    long Id, string Method, string Path, string Query, IReadOnlyList<(string Name, string Value)> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public JsonObject ToJson()
    {
        var headers = new JsonObject();
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["method"] = Method,
            ["path"] = Path,
            ["query"] = Query,
            ["headers"] = headers,
            ["body"] = Body,
            ["received_at"] = ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
