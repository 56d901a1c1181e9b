using System.Text.Json;

namespace KratosConformance.Reports.Baselines;

/// <summary>
/// Reads a baseline file and says exactly what is wrong with a bad one (line and column of a JSON error, which entry
/// lacks an id or reason, which id is not a test id), because a silently ignored baseline turns a known deviation into
/// a red run nobody can explain.
/// </summary>
public static class BaselineLoader
{
    public const string FormatHint =
        "Expected a JSON file like { \"expectedFailures\": [ { \"id\": \"login.code-mfa.<scenario>.<client>\", \"reason\": \"why it fails here\" } ] }.";

    private static readonly JsonDocumentOptions Options = new()
    {
        // Comments let a team say when an entry can go; trailing commas are the usual hand-editing slip.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Baseline Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BaselineException(path, [$"file not found (working directory: {Environment.CurrentDirectory})."]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static Baseline Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw new BaselineException(source,
                [$"not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {reason}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var entries = ReadEntries(document.RootElement, problems);
            if (problems.Count > 0)
            {
                throw new BaselineException(source, problems);
            }

            return new Baseline(source, entries);
        }
    }

    private static List<BaselineEntry> ReadEntries(JsonElement root, List<string> problems)
    {
        var entries = new List<BaselineEntry>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"the top level is {Describe(root.ValueKind)}, expected an object with \"expectedFailures\".");
            return entries;
        }

        if (!root.TryGetProperty("expectedFailures", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("\"expectedFailures\" is missing or not an array.");
            return entries;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (BaselineEntryReader.Read(item, $"expectedFailures[{index}]", problems) is { } entry)
            {
                if (entries.Any(e => e.Id == entry.Id))
                {
                    problems.Add($"expectedFailures[{index}]: \"{entry.Id}\" is listed twice; keep one entry per test.");
                }
                else
                {
                    entries.Add(entry);
                }
            }

            index++;
        }

        return entries;
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
