using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// selfservice/flow/settings/flow.go Flow. <see cref="InternalContext"/> is Kratos's internal_context (never in the
/// JSON): {"totp": {"url": …}} for the key shown, {"lookup_secret": {"regenerated": [...], "revealed": bool}}. A browser
/// submission paused for re-authentication keeps its payload here too (<see cref="PausedPayload"/>, found again through
/// the continuity cookie <see cref="PausedToken"/>), as Kratos keeps it in a continuity container.
/// </summary>
internal sealed class SettingsFlow
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Type { get; init; }
    public required Guid IdentityId { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; set; }
    public required string RequestUrl { get; set; }
    public string? ReturnTo { get; init; }
    public string? Active { get; set; }
    public string State { get; set; } = "show_form";
    public JsonArray Nodes { get; set; } = [];
    public JsonArray Messages { get; set; } = [];
    public JsonObject InternalContext { get; set; } = [];
    public string? CsrfToken { get; init; }
    public string? PausedToken { get; set; }
    public JsonObject? PausedPayload { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsBrowser => Type == "browser";

    public JsonObject ToJson(Uri publicBaseUrl, JsonObject identity, JsonArray? continueWith)
    {
        var ui = new JsonObject
        {
            ["action"] = new Uri(publicBaseUrl, "self-service/settings?flow=" + Id).ToString(),
            ["method"] = "POST",
            ["nodes"] = Nodes.DeepClone(),
        };
        if (Messages.Count > 0)
        {
            ui["messages"] = Messages.DeepClone();
        }

        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["type"] = Type,
            ["expires_at"] = Time.Node(ExpiresAt),
            ["issued_at"] = Time.Node(IssuedAt),
            ["request_url"] = RequestUrl,
        };
        if (ReturnTo is not null)
        {
            json["return_to"] = ReturnTo;
        }

        if (Active is not null)
        {
            json["active"] = Active;
        }

        json["ui"] = ui;
        json["identity"] = identity;
        json["state"] = State;
        if (continueWith is { Count: > 0 })
        {
            json["continue_with"] = continueWith;
        }

        return json;
    }
}
