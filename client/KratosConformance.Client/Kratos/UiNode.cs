using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// One node of <c>ui.nodes</c>. Identified by (<see cref="Group"/>, <see cref="Name"/>, <see cref="InputType"/>), the
/// triple Kratos keeps stable; its position is not (nodes are re-sorted after errors, spec §2.11).
/// </summary>
public sealed record UiNode(string Type, string Group, string Name, string InputType, string? Value, bool Required, UiText? Label, IReadOnlyList<UiText> Messages, JsonObject Raw)
{
    /// <summary>"group/name/type", the way failure messages and evidence name a node.</summary>
    public string Triple => $"{Group}/{Name}/{InputType}";

    public bool Is(string group, string name, string? inputType = null) =>
        string.Equals(Group, group, StringComparison.Ordinal)
        && string.Equals(Name, name, StringComparison.Ordinal)
        && (inputType is null || string.Equals(InputType, inputType, StringComparison.Ordinal));

    internal static UiNode? Parse(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return null;
        }

        var attributes = KratosJson.Obj(o, "attributes");
        return new UiNode(
            KratosJson.Str(o, "type") ?? string.Empty,
            KratosJson.Str(o, "group") ?? string.Empty,
            KratosJson.Str(attributes, "name") ?? KratosJson.Str(attributes, "id") ?? string.Empty,
            KratosJson.Str(attributes, "type") ?? string.Empty,
            KratosJson.Text(attributes, "value"),
            KratosJson.Bool(attributes, "required"),
            UiText.Parse(KratosJson.Obj(KratosJson.Obj(o, "meta"), "label")),
            UiText.ParseAll(KratosJson.Arr(o, "messages")),
            KratosJson.Copy(o));
    }

    public override string ToString() => Label is null ? Triple : $"{Triple} ({Label.Id})";
}
