using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>One HTTP exchange as sent and recorded; the raw material a <see cref="KratosResponse"/> is built from.</summary>
internal sealed record RecordedExchange(
    int Status,
    string? Location,
    string BodyText,
    JsonNode? Body,
    string RequestLine,
    string? TranscriptFile)
{
    /// <summary>Every response header as received (Set-Cookie one entry per cookie), unmasked: only checks read them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
