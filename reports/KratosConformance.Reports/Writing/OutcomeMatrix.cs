using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// The scenario × client grid shared by summary.md, index.html and the console table, so all three show the same
/// rows and columns. Clients come in the documented order, then any unknown ones alphabetically. <see cref="Rows"/>
/// groups the scenarios by factor (factor × scenario × client, from the stable test ids) for summary.md and index.html.
/// </summary>
public sealed class OutcomeMatrix
{
    private readonly Dictionary<(string Scenario, string Client), TestResult> _cells;

    private OutcomeMatrix(IReadOnlyList<string> scenarios, IReadOnlyList<string> clients, Dictionary<(string, string), TestResult> cells, IReadOnlyList<MatrixRow> rows)
    {
        Scenarios = scenarios;
        Clients = clients;
        _cells = cells;
        Rows = rows;
    }

    /// <summary>Scenarios in the order the run first reported them (the suite's order).</summary>
    public IReadOnlyList<string> Scenarios { get; }

    public IReadOnlyList<string> Clients { get; }

    /// <summary>
    /// One row per scenario, grouped by factor (<see cref="MatrixRow.KnownFactors"/> order, then alphabetical); within
    /// a factor the run's order.
    /// </summary>
    public IReadOnlyList<MatrixRow> Rows { get; }

    /// <summary>The factors of <see cref="Rows"/> with how many of their tests passed, failed and were not applicable.</summary>
    public IReadOnlyList<(string Factor, int Tests, int Passed, int Failed, int NotApplicable)> FactorTotals =>
        Rows.GroupBy(r => r.Factor).Select(g =>
        {
            var tests = g.SelectMany(r => Clients.Select(c => Cell(r.Key, c))).OfType<TestResult>().ToList();
            return (g.Key, tests.Count, tests.Count(t => t.Outcome == TestOutcome.Passed), tests.Count(t => t.Outcome == TestOutcome.Failed),
                tests.Count(t => t.Outcome == TestOutcome.NotApplicable));
        }).ToList();

    public static OutcomeMatrix Of(IEnumerable<TestResult> tests)
    {
        var cells = new Dictionary<(string, string), TestResult>();
        var scenarios = new List<string>();
        var rows = new List<MatrixRow>();
        foreach (var test in tests)
        {
            if (!scenarios.Contains(test.Scenario))
            {
                scenarios.Add(test.Scenario);
                rows.Add(MatrixRow.Of(test.Id, test.Scenario));
            }

            cells[(test.Scenario, test.Client)] = test;
        }

        var present = cells.Keys.Select(k => k.Item2).Distinct().ToList();
        var clients = TestId.KnownClients.Where(present.Contains)
            .Concat(present.Where(c => !TestId.KnownClients.Contains(c)).Order(StringComparer.Ordinal))
            .ToList();
        var grouped = rows.Select((row, index) => (row, index)).OrderBy(r => MatrixRow.Rank(r.row.Factor)).ThenBy(r => r.index).Select(r => r.row).ToList();
        return new OutcomeMatrix(scenarios, clients, cells, grouped);
    }

    /// <summary>The test in a cell, or null when the run has no such test (shown as an empty cell, not n.a.).</summary>
    public TestResult? Cell(string scenario, string client) => _cells.GetValueOrDefault((scenario, client));
}
