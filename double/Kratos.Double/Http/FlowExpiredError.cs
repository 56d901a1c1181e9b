using System.Globalization;
using System.Text.Json.Nodes;
using Kratos.Double.Model;

namespace Kratos.Double.Http;

/// <summary>selfservice/flow/error.go ExpiredError: 410 self_service_flow_expired with expired_at/since/use_flow_id.</summary>
internal static class FlowExpiredError
{
    public const string Id = "self_service_flow_expired";

    /// <summary>x/nosurfx/nosurf.go ErrGone's message (x/nosurf.go at v1.3.1), where no WithError replaces it.</summary>
    public const string GoneMessage = "The requested resource is no longer available because it has expired or is otherwise invalid.";

    /// <summary>NewFlowExpiredError(at) with the replacement flow (WithFlow) when there is one.</summary>
    public static KratosError Create(DateTimeOffset expiredAt, Guid? useFlowId)
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
            Id = Id,
            Reason = string.Create(CultureInfo.InvariantCulture, $"The self-service flow expired {since.TotalMinutes:F2} minutes ago, initialize a new one."),
            TopLevel = top,
        };
    }
}
