using KratosConformance.Reports.Model;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// The scenario × client grid shared by summary.md, index.html and the console table, so all three show the same
/// rows and columns. Clients come in the documented order, then any unknown ones alphabetically.
/// </summary>
public sealed class OutcomeMatrix
{
    private readonly Dictionary<(string Scenario, string Client), TestResult> _cells;

    private OutcomeMatrix(IReadOnlyList<string> scenarios, IReadOnlyList<string> clients, Dictionary<(string, string), TestResult> cells)
    {
        Scenarios = scenarios;
        Clients = clients;
        _cells = cells;
    }

    /// <summary>Scenarios in the order the run first reported them (the suite's order).</summary>
    public IReadOnlyList<string> Scenarios { get; }

    public IReadOnlyList<string> Clients { get; }

    public static OutcomeMatrix Of(IEnumerable<TestResult> tests)
    {
        var cells = new Dictionary<(string, string), TestResult>();
        var scenarios = new List<string>();
        foreach (var test in tests)
        {
            if (!scenarios.Contains(test.Scenario))
            {
                scenarios.Add(test.Scenario);
            }

            cells[(test.Scenario, test.Client)] = test;
        }

        var present = cells.Keys.Select(k => k.Item2).Distinct().ToList();
        var clients = TestId.KnownClients.Where(present.Contains)
            .Concat(present.Where(c => !TestId.KnownClients.Contains(c)).Order(StringComparer.Ordinal))
            .ToList();
        return new OutcomeMatrix(scenarios, clients, cells);
    }

    /// <summary>The test in a cell, or null when the run has no such test (shown as an empty cell, not n.a.).</summary>
    public TestResult? Cell(string scenario, string client) => _cells.GetValueOrDefault((scenario, client));
}
