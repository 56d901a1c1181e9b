using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>The <c>ui</c> object of a flow: where the form posts, its nodes in the order Kratos sent them, and the
/// flow-level messages (<c>ui.messages</c>, omitted by Kratos when empty, here an empty list).</summary>
public sealed record UiContainer(string Action, string Method, IReadOnlyList<UiNode> Nodes, IReadOnlyList<UiText> Messages)
{
    public static UiContainer Empty { get; } = new(string.Empty, string.Empty, [], []);

    internal static UiContainer Parse(JsonObject? ui) =>
        ui is null
            ? Empty
            : new UiContainer(
                KratosJson.Str(ui, "action") ?? string.Empty,
                KratosJson.Str(ui, "method") ?? string.Empty,
                (KratosJson.Arr(ui, "nodes") ?? []).Select(UiNode.Parse).OfType<UiNode>().ToList(),
                UiText.ParseAll(KratosJson.Arr(ui, "messages")));
}
