using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>A Kratos UI message (<c>text/message.go</c>). Suites identify messages by <see cref="Id"/> (stable across
/// versions, spec §1) and compare <see cref="Text"/> with the text of the version under test (texts change).</summary>
public sealed record UiText(long Id, string Text, string Type, JsonObject? Context)
{
    internal static UiText? Parse(JsonNode? node) =>
        node is JsonObject o
            ? new UiText(KratosJson.Long(o, "id"), KratosJson.Str(o, "text") ?? string.Empty, KratosJson.Str(o, "type") ?? string.Empty,
                KratosJson.Obj(o, "context") is { } c ? KratosJson.Copy(c) : null)
            : null;

    internal static IReadOnlyList<UiText> ParseAll(JsonArray? array) =>
        array is null ? [] : array.Select(Parse).OfType<UiText>().ToList();

    public override string ToString() => $"{Id} \"{Text}\"";
}
