using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>selfservice/flow/recovery/flow.go Flow (the legacy code flow: choose_method → sent_email → passed_challenge).</summary>
internal sealed class RecoveryFlow
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Type { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string RequestUrl { get; init; }
    public string? ReturnTo { get; init; }
    public string? Active { get; set; }
    public string State { get; set; } = "choose_method";
    public JsonArray Nodes { get; set; } = [];
    public JsonArray Messages { get; set; } = [];
    public string? CsrfToken { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsBrowser => Type == "browser";

    public JsonObject ToJson(Uri publicBaseUrl, JsonArray? continueWith = null)
    {
        var ui = new JsonObject
        {
            ["action"] = new Uri(publicBaseUrl, "self-service/recovery?flow=" + Id).ToString(),
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
        json["state"] = State;
        if (continueWith is { Count: > 0 })
        {
            json["continue_with"] = continueWith;
        }

        return json;
    }
}
