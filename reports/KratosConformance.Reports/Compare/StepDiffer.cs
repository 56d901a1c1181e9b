using System.Globalization;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Reports.Compare;

/// <summary>
/// Compares two aligned HTTP steps on the fields that carry meaning (status, error id, flow state, ui message ids,
/// node set, texts of the same message id) and nothing else: flow ids, timestamps and tokens differ on every run.
/// </summary>
internal static class StepDiffer
{
    public static List<FieldChange> Diff(HttpStepView a, HttpStepView b)
    {
        var changes = new List<FieldChange>();
        Value(changes, "status", a.Status.ToString(CultureInfo.InvariantCulture), b.Status.ToString(CultureInfo.InvariantCulture));
        Value(changes, "error.id", a.Step.Http!.ErrorId, b.Step.Http!.ErrorId);
        var flowA = a.Step.Flow;
        var flowB = b.Step.Flow;
        if (flowA is null && flowB is null)
        {
            return changes;
        }

        Value(changes, "state", flowA is null ? "(no flow)" : flowA.State, flowB is null ? "(no flow)" : flowB.State);
        var idsA = (flowA?.MessageIds ?? []).Select(Id).ToList();
        var idsB = (flowB?.MessageIds ?? []).Select(Id).ToList();
        Set(changes, "ui.messages", idsA, idsB);
        Set(changes, "nodes", flowA?.Nodes ?? [], flowB?.Nodes ?? []);
        if (flowA is not null && flowB is not null)
        {
            changes.AddRange(TextChanges(flowA, flowB));
        }

        return changes;
    }

    /// <summary>Texts of the message ids both flows carry, where the (normalised) wording differs.</summary>
    private static IEnumerable<FieldChange> TextChanges(FlowEvidence a, FlowEvidence b)
    {
        var textsA = Texts(a);
        var textsB = Texts(b);
        foreach (var (id, textA) in textsA)
        {
            if (textsB.TryGetValue(id, out var textB) && MessageText.Normalise(textA) != MessageText.Normalise(textB))
            {
                yield return new FieldChange("message " + Id(id) + " text", textA, textB);
            }
        }
    }

    private static Dictionary<long, string> Texts(FlowEvidence flow)
    {
        var texts = new Dictionary<long, string>();
        for (var i = 0; i < flow.MessageIds.Count && i < flow.MessageTexts.Count; i++)
        {
            texts.TryAdd(flow.MessageIds[i], flow.MessageTexts[i]);
        }

        return texts;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Value(List<FieldChange> changes, string field, string? a, string? b)
    {
        if (a != b)
        {
            changes.Add(new FieldChange(field, a, b));
        }
    }

    private static void Set(List<FieldChange> changes, string field, IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var removed = a.Except(b).ToList();
        var added = b.Except(a).ToList();
        if (removed.Count + added.Count > 0)
        {
            changes.Add(FieldChange.Set(field, removed, added));
        }
    }
}
