namespace KratosConformance.Reports.Compare;

/// <summary>
/// Aligns the HTTP steps of one test in two runs, in order, pairing only steps with the same request key. Among
/// alignments with the most pairs it prefers pairs that look alike (same step label, same posted field names, same
/// status), so when v26.2.0 drops the "send code" POST, the remaining "submit code" POST pairs with A's "submit
/// code", and A's "send code" is reported as only in A.
/// </summary>
internal static class StepAligner
{
    private const int PairScore = 100;

    /// <summary>Pairs (a, b); a step only in one run has the other side null. Order follows both runs.</summary>
    public static List<(HttpStepView? A, HttpStepView? B)> Align(IReadOnlyList<HttpStepView> a, IReadOnlyList<HttpStepView> b)
    {
        var score = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                var best = Math.Max(score[i + 1, j], score[i, j + 1]);
                if (a[i].Key == b[j].Key)
                {
                    best = Math.Max(best, score[i + 1, j + 1] + PairScore + Likeness(a[i], b[j]));
                }

                score[i, j] = best;
            }
        }

        var pairs = new List<(HttpStepView?, HttpStepView?)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x].Key == b[y].Key && score[x, y] == score[x + 1, y + 1] + PairScore + Likeness(a[x], b[y]))
            {
                pairs.Add((a[x++], b[y++]));
            }
            else if (score[x, y] == score[x + 1, y])
            {
                pairs.Add((a[x++], null));
            }
            else
            {
                pairs.Add((null, b[y++]));
            }
        }

        pairs.AddRange(a.Skip(x).Select(s => ((HttpStepView?)s, (HttpStepView?)null)));
        pairs.AddRange(b.Skip(y).Select(s => ((HttpStepView?)null, (HttpStepView?)s)));
        return pairs;
    }

    /// <summary>Tie-breaker between equally long alignments; always below one pair's score.</summary>
    private static int Likeness(HttpStepView a, HttpStepView b) =>
        (a.Label is not null && a.Label == b.Label ? 8 : 0)
        + (a.FieldNames == b.FieldNames ? 4 : 0)
        + (a.Status == b.Status ? 2 : 0)
        + (a.State == b.State ? 1 : 0);
}
