using System.Net;
using System.Text.Json.Nodes;

namespace KratosConformance.Harness.Ui;

/// <summary>What Kratos answered to one server-side call, with the request line for the page to show.</summary>
internal sealed record KratosReply(HttpStatusCode Status, string RequestLine, JsonObject? Body, string Text)
{
    public bool Ok => Status == HttpStatusCode.OK && Body is not null;
}
