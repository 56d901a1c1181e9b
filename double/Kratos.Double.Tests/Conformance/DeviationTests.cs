using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>The baseline walk equals the spec; every deviation changes it (else the deviation proves nothing).</summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class DeviationTests(DoubleStore store)
{
    public static readonly string[] Baseline =
    [
        "aal2 without session: 401 session_aal1_required",
        "password: 422 browser_location_change_required",
        "flow from before the login: 403",
        "whoami aal1: 403",
        "flow L: state=sent_email messages=[1010014] label=1010023",
        "mails: 1 code-length: 6",
        "fetch without csrf cookie: 403",
        "L 5th wrong: 400 [4010008]",
        "L correct after 5 wrong: 400 [4000001]",
        "flow F: state=sent_email messages=[1010014] label=1010023",
        "F code of flow L: 400 [4010008]",
        "F resend: 400 state=sent_email messages=[1010014] label=1010023",
        "F code replaced by resend: 400 [4010008]",
        "F missing code: 400 [] node-code=4000002",
        "F 4th attempt wrong: 400 [4010008]",
        "F 5th attempt correct: 200 []",
        "whoami after: 200 aal=aal2 amr=password,code verified=true",
        "F replay: 400 [4010002]",
        "native aal2: 200 aal=aal2",
        "native same session id: True",
        "native same token: True",
        "native authenticated_at refreshed: True",
    ];

    [Test]
    public async Task Baseline_walk_matches_the_spec()
    {
        await using var harness = await DoubleHarness.StartAsync(store: store);
        var transcript = await Scenario.RunAsync(harness);
        transcript.Should().Equal(Baseline);
    }

    public static IEnumerable<string> WalkDeviations() =>
        Deviations.CodeMfa.Select(d => d.Name).Where(n => n is not (Deviations.RefreshMissing1010003 or Deviations.Aal2Missing1010004 or Deviations.ExpiredCodeAccepted));

    [TestCaseSource(nameof(WalkDeviations))]
    public async Task Deviation_changes_the_walk(string deviation)
    {
        await using var harness = await DoubleHarness.StartAsync(deviations: [deviation], store: store);
        var transcript = await Scenario.RunAsync(harness);
        transcript.Should().NotEqual(Baseline, "deviation {0} must be observable", deviation);
    }
}
