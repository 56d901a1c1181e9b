using System.Text.Json;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Reports.Writing;

/// <summary>Indents a JSON body for reading; anything that is not JSON (HTML pages, form posts) is returned as is.</summary>
public static class JsonPretty
{
    public static string Format(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text ?? "";
        }

        var trimmed = text.TrimStart();
        if (trimmed[0] is not ('{' or '['))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(document.RootElement, EvidenceJson.Indented);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
