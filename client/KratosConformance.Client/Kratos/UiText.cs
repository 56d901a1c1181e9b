using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>A Kratos UI message (<c>text/message.go</c>). Suites assert on <see cref="Id"/>, never on <see cref="Text"/>:
/// texts change between versions (spec §1), ids do not.</summary>
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
