using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Typed view over a login flow (<c>selfservice/flow/login/flow.go</c>, spec §2.5). Only what conformance checks read
/// is typed; <see cref="Raw"/> keeps everything else. Parsing is lenient: a deployment that leaves a field out gets a
/// default here and a clear failure in the check that needs it, not an exception in the fixture.
/// </summary>
public sealed record LoginFlow
{
    public string Id { get; init; } = string.Empty;
    /// <summary>"browser" or "api".</summary>
    public string Type { get; init; } = string.Empty;
    /// <summary>choose_method → sent_email → passed_challenge (spec §2.4).</summary>
    public string State { get; init; } = string.Empty;
    public string RequestedAal { get; init; } = string.Empty;
    public bool Refresh { get; init; }
    /// <summary>"code" once a code was sent; null until a method was used.</summary>
    public string? Active { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>The init URL the flow was created by (spec §2.5).</summary>
    public string? RequestUrl { get; init; }
    /// <summary>return_to; Kratos omits it when the flow has none.</summary>
    public string? ReturnTo { get; init; }
    public UiContainer Ui { get; init; } = UiContainer.Empty;
    public JsonObject Raw { get; init; } = [];

    /// <summary>ui.messages ids in the order Kratos sent them.</summary>
    public IReadOnlyList<long> MessageIds => Ui.Messages.Select(m => m.Id).ToList();

    /// <summary>The value of the default/csrf_token/hidden node; null for API flows (they have none).</summary>
    public string? CsrfToken => FindNode("default", "csrf_token", "hidden")?.Value;

    /// <summary>The first node with this (group, name, type): the only way suites address nodes.</summary>
    public UiNode? FindNode(string group, string name, string type) =>
        Ui.Nodes.FirstOrDefault(n => n.Is(group, name, type));

    /// <summary>All nodes with this group and name (e.g. both code/method nodes: the hidden one and the submit button).</summary>
    public IReadOnlyList<UiNode> FindNodes(string group, string name, string? type = null) =>
        Ui.Nodes.Where(n => n.Is(group, name, type)).ToList();

    /// <summary>True when the JSON looks like a login flow (has ui and state), so responses can tell flows from errors.</summary>
    public static bool LooksLikeFlow(JsonNode? node) =>
        node is JsonObject o && o["ui"] is JsonObject && o["state"] is not null && o["error"] is null;

    /// <summary>Reads a flow from its JSON; the JSON is copied, the caller's node is left alone.</summary>
    public static LoginFlow Parse(JsonObject json)
    {
        var raw = KratosJson.Copy(json);
        return new LoginFlow
        {
            Id = KratosJson.Str(raw, "id") ?? string.Empty,
            Type = KratosJson.Str(raw, "type") ?? string.Empty,
            State = KratosJson.Text(raw, "state") ?? string.Empty,
            RequestedAal = KratosJson.Str(raw, "requested_aal") ?? string.Empty,
            Refresh = KratosJson.Bool(raw, "refresh"),
            Active = KratosJson.Str(raw, "active"),
            ExpiresAt = KratosJson.Time(raw, "expires_at"),
            IssuedAt = KratosJson.Time(raw, "issued_at"),
            CreatedAt = KratosJson.TimeOrNull(raw, "created_at"),
            UpdatedAt = KratosJson.TimeOrNull(raw, "updated_at"),
            RequestUrl = KratosJson.Str(raw, "request_url"),
            ReturnTo = KratosJson.Str(raw, "return_to"),
            Ui = UiContainer.Parse(KratosJson.Obj(raw, "ui")),
            Raw = raw,
        };
    }

    /// <summary>Parses <paramref name="node"/> when it is a flow, else null.</summary>
    public static LoginFlow? TryParse(JsonNode? node) => LooksLikeFlow(node) ? Parse((JsonObject)node!) : null;

    public override string ToString() => FlowDescription.Describe(this);
}
