using KratosConformance.Reports.Evidence;

namespace KratosConformance.Reports.Compare;

/// <summary>Every ui message id a run's flows showed, with its (normalised) texts.</summary>
internal static class MessageCatalog
{
    public static Dictionary<long, SortedSet<string>> Of(IEnumerable<IReadOnlyList<EvidenceStep>> tests)
    {
        var catalog = new Dictionary<long, SortedSet<string>>();
        foreach (var flow in tests.SelectMany(steps => steps).Select(s => s.Flow).OfType<FlowEvidence>())
        {
            for (var i = 0; i < flow.MessageIds.Count && i < flow.MessageTexts.Count; i++)
            {
                if (!catalog.TryGetValue(flow.MessageIds[i], out var texts))
                {
                    catalog[flow.MessageIds[i]] = texts = new SortedSet<string>(StringComparer.Ordinal);
                }

                texts.Add(MessageText.Normalise(flow.MessageTexts[i]));
            }
        }

        return catalog;
    }

    /// <summary>Ids both runs showed with different texts; ids seen by one run only are step differences, not rewordings.</summary>
    public static List<MessageTextChange> Changes(Dictionary<long, SortedSet<string>> a, Dictionary<long, SortedSet<string>> b) =>
        a.Where(entry => b.TryGetValue(entry.Key, out var textsB) && !entry.Value.SetEquals(textsB))
            .OrderBy(entry => entry.Key)
            .Select(entry => new MessageTextChange(entry.Key, entry.Value.ToList(), b[entry.Key].ToList()))
            .ToList();
}
