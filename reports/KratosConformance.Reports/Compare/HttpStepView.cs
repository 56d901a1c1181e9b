using System.Text.Json;
using System.Text.RegularExpressions;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Reports.Compare;

/// <summary>
/// An HTTP step reduced to what compare looks at: the request key, the scenario's label for it, the names of the
/// fields it posted, and the compared response fields. Ids, tokens and timestamps are left out on purpose.
/// </summary>
internal sealed partial record HttpStepView(EvidenceStep Step, string Key, string? Label, string FieldNames)
{
    public int Status => Step.Http!.Status;
    public string? State => Step.Flow?.State;

    /// <summary>The HTTP steps of a test, each labelled with the note step just before it, if any.</summary>
    public static List<HttpStepView> Of(IReadOnlyList<EvidenceStep> steps)
    {
        var views = new List<HttpStepView>();
        string? label = null;
        foreach (var step in steps.OrderBy(s => s.Seq))
        {
            if (step.Kind == EvidenceKind.Note)
            {
                label = step.Title;
            }
            else if (step.Http is { } http)
            {
                views.Add(new HttpStepView(step, RequestKey(http.Method, http.Url), label, FieldNamesOf(http.RequestBody)));
                label = null;
            }
        }

        return views;
    }

    /// <summary>"POST /self-service/login": method and path without query or host; uuid segments as {id}.</summary>
    public static string RequestKey(string method, string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            path = path[..query];
        }

        return method.ToUpperInvariant() + " " + Uuid().Replace(path, "{id}");
    }

    public string Gist()
    {
        var gist = $"{Status}";
        if (State is not null)
        {
            gist += " state=" + State;
        }

        if (Step.Flow is { MessageIds.Count: > 0 } flow)
        {
            gist += " [" + string.Join(", ", flow.MessageIds) + "]";
        }

        if (Step.Http!.ErrorId is { } error)
        {
            gist += " error=" + error;
        }

        return gist;
    }

    /// <summary>Sorted names of the posted fields (not values: those hold codes and tokens), csrf_token left out.</summary>
    private static string FieldNamesOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        IEnumerable<string> names;
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                names = document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.EnumerateObject().Select(p => p.Name).ToList()
                    : [];
            }
            catch (JsonException)
            {
                names = [];
            }
        }
        else
        {
            names = body.Split('&').Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]));
        }

        return string.Join(",", names.Where(n => n != "csrf_token").Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();
}
