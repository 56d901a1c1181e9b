using System.Net;
using System.Text.Json.Nodes;

namespace Kratos.Double.Tests.Support;

/// <summary>One HTTP answer: status, JSON body (for a browser redirect to the UI: the flow behind it), Location.</summary>
public sealed record Reply(HttpStatusCode Status, JsonNode? Body, string? Location, string Request)
{
    public int Code => (int)Status;

    public override string ToString() => $"{Request} -> {Code} {Location} {Body?.ToJsonString()}";
}
