using System.Text.Json;

namespace KratosConformance.Reports.Baselines;

/// <summary>Validates one expectedFailures entry, adding a located problem for each thing wrong with it.</summary>
internal static class BaselineEntryReader
{
    public static BaselineEntry? Read(JsonElement item, string where, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is {BaselineLoader.Describe(item.ValueKind)}, expected an object with \"id\" and \"reason\".");
            return null;
        }

        var id = Text(item, "id");
        var reason = Text(item, "reason");
        var ok = true;
        if (id is null)
        {
            problems.Add($"{where} has no \"id\".");
            ok = false;
        }
        else if (!TestId.TryParse(id, out _))
        {
            problems.Add($"{where}.id \"{id}\" is not a test id: expected <login|settings|recovery>.<factor>.<scenario>.<client> (e.g. login.code-mfa.aal2.spa) with client one of "
                + string.Join(", ", TestId.KnownClients) + ".");
            ok = false;
        }

        if (reason is null)
        {
            problems.Add($"{where} ({id ?? "no id"}) has no \"reason\": say why the failure is expected, so others can tell when to remove it.");
            ok = false;
        }

        return ok ? new BaselineEntry(id!, reason!) : null;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
