namespace KratosConformance.Containers;

/// <summary>
/// Kratos did not start. The message carries Kratos's own last log lines and a hint, so the reader need not open
/// anything else; the parts are also available as data.
/// </summary>
public sealed class KratosContainerException : Exception
{
    private const int TailLines = 25;

    private KratosContainerException(string message, string image, IReadOnlyList<string> logTail, string hint, Exception? inner)
        : base(message, inner)
    {
        Image = image;
        LogTail = logTail;
        Hint = hint;
    }

    public string Image { get; }

    /// <summary>The last lines Kratos wrote before it failed.</summary>
    public IReadOnlyList<string> LogTail { get; }

    public string Hint { get; }

    internal static KratosContainerException StartFailed(string image, string what, string log, Exception cause)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tail = lines.Skip(Math.Max(0, lines.Length - TailLines)).ToArray();
        // A crash ends in a stack trace that can push the actual error out of the tail: keep the first error line.
        if (Array.Find(lines, IsErrorLine) is { } firstError && !tail.Any(IsErrorLine))
        {
            tail = [firstError, "…", .. tail[2..]];
        }

        var hint = KratosStartHints.For(log, cause, image);
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Kratos ({image}) {what}: {FirstLine(cause.Message)}");
        if (tail.Length > 0)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  Kratos log (last {tail.Length} lines):");
            foreach (var line in tail)
            {
                message.AppendLine().Append("    ").Append(line);
            }
        }

        message.AppendLine().Append("  Hint: ").Append(hint);
        return new KratosContainerException(message.ToString(), image, tail, hint, cause);
    }

    private static bool IsErrorLine(string line) =>
        !line.StartsWith("at ", StringComparison.Ordinal)
        && (line.Contains("exception", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)
            || line.Contains("level=fatal", StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();
}
