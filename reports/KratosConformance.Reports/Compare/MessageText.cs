using System.Text.RegularExpressions;

namespace KratosConformance.Reports.Compare;

/// <summary>
/// Normalises a ui message text for comparison: every test uses its own address and flows carry their own ids and
/// times, none of which is a change of Kratos's wording.
/// </summary>
internal static partial class MessageText
{
    public static string Normalise(string text)
    {
        var result = Email().Replace(text, "<address>");
        result = Uuid().Replace(result, "<id>");
        return Timestamp().Replace(result, "<time>").Trim();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-*]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:?\d{2})?")]
    private static partial Regex Timestamp();
}
