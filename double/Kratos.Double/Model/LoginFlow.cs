using System.Text.Json.Nodes;

namespace Kratos.Double.Model;

/// <summary>
/// selfservice/flow/login/flow.go Flow. Mutated only under the store's lock. <see cref="InternalContext"/> is Kratos's
/// internal_context (never in the JSON): {"webauthn_session_data": …} while a security-key challenge is open.
/// </summary>
internal sealed class LoginFlow
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Type { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; set; }
    public required string RequestUrl { get; init; }
    public string? ReturnTo { get; init; }
    public string? Active { get; set; }
    public bool Refresh { get; init; }
    public required string RequestedAal { get; init; }
    public string State { get; set; } = "choose_method";
    public JsonArray Nodes { get; set; } = [];
    public JsonArray Messages { get; set; } = [];
    public JsonObject InternalContext { get; set; } = [];
    public int SubmitCount { get; set; }
    public string? SentAddress { get; set; }
    public string? CsrfToken { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsBrowser => Type == "browser";

    public JsonObject ToJson(Uri publicBaseUrl)
    {
        var ui = new JsonObject
        {
            ["action"] = new Uri(publicBaseUrl, "self-service/login?flow=" + Id).ToString(),
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
            ["organization_id"] = null,
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
        json["created_at"] = Time.Node(IssuedAt);
        json["updated_at"] = Time.Node(UpdatedAt);
        json["refresh"] = Refresh;
        json["requested_aal"] = RequestedAal;
        json["state"] = State;
        return json;
    }
}
