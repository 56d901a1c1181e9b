using System.Globalization;
using System.Text.Json.Nodes;
using Kratos.Double.Model;

namespace Kratos.Double.Http;

/// <summary>selfservice/flow/error.go ExpiredError: 410 self_service_flow_expired with expired_at/since/use_flow_id.</summary>
internal static class FlowExpiredError
{
    public static KratosError Create(DateTimeOffset expiredAt, Guid? useFlowId, JsonObject? details)
    {
        var since = DateTimeOffset.UtcNow - expiredAt;
        var top = new JsonObject
        {
            ["expired_at"] = Time.Format(expiredAt),
            ["since"] = (long)(since.Ticks * 100),
        };
        if (useFlowId is { } id)
        {
            top["use_flow_id"] = id.ToString();
        }

        return new KratosError("self-service flow expired")
        {
            Code = 410,
            Status = "Gone",
            Id = "self_service_flow_expired",
            Reason = string.Create(CultureInfo.InvariantCulture, $"The self-service flow expired {since.TotalMinutes:F2} minutes ago, initialize a new one."),
            Details = details,
            TopLevel = top,
        };
    }
}
