using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>courier/handler.go: list/get messages; body and subject redacted unless --dev.</summary>
internal static class AdminCourier
{
    public static Task ListAsync(HttpContext ctx, Runtime rt)
    {
        var recipient = ctx.Request.Query["recipient"].ToString();
        var status = ctx.Request.Query["status"].ToString();
        if (status.Length > 0 && status is not ("queued" or "sent" or "processing" or "abandoned"))
        {
            throw KratosError.BadRequest($"Message status \"{status}\" is not valid.");
        }

        lock (rt.Store.Gate)
        {
            var items = rt.Store.ListMessages()
                .Where(m => recipient.Length == 0 || string.Equals(m.Recipient, recipient, StringComparison.OrdinalIgnoreCase))
                .Where(m => status.Length == 0 || m.Status == status)
                .Select(m => (JsonNode)m.ToJson(rt.Config.Dev))
                .ToArray();
            return Respond.JsonAsync(ctx, 200, new JsonArray(items));
        }
    }

    public static Task GetAsync(HttpContext ctx, Runtime rt, string id)
    {
        lock (rt.Store.Gate)
        {
            var message = (Guid.TryParse(id, out var guid) ? rt.Store.FindMessage(guid) : null) ?? throw KratosError.NotFound("Unable to locate the resource");
            return Respond.JsonAsync(ctx, 200, message.ToJson(rt.Config.Dev));
        }
    }
}
