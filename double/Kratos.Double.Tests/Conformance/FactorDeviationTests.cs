using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The second-factor and settings deviations (<see cref="Deviations.Factors"/>): the double accepts each by name, the
/// baseline walk equals the spec, and each deviation changes it. The factor suites catch each one, so they are in
/// <see cref="Deviations.All"/> and the kill matrix runs them.
/// </summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class FactorDeviationTests(DoubleStore store)
{
    public static readonly string[] Baseline =
    [
        "after enrolment: aal2 password,totp",
        "aal1 session: whoami 403 settings 403",
        "code 3 steps ahead: 400 [4000008]",
        "wrong code: 400 [4000008]",
        "after unlink: success whoami 200",
        "reveal+regenerate: 200 lookup_secret/lookup_secret_codes,lookup_secret/lookup_secret_disable,lookup_secret/lookup_secret_regenerate",
        "regenerate then confirm: 200 200 [1050001]",
        "backup code use 1: 200 []",
        "backup code use 2: 400 [4000012]",
    ];

    public const string StaleBaseline = "stale enrolment: 403 session_refresh_required";

    [Test]
    public async Task Baseline_walk_matches_the_spec()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: FactorWalk.Yaml(), store: store);
        await using var stale = await DoubleHarness.StartAsync(yaml: FactorWalk.Yaml("1ns"), store: store);

        (await FactorWalk.RunAsync(harness)).Should().Equal(Baseline);
        (await FactorWalk.StaleAsync(stale)).Should().Be(StaleBaseline);
    }

    // Recovery and optional-code deviations change walks of their own (RecoveryDeviationTests); the mixed-factor ones change the
    // aal2 screen of an identity with several factors (MixedDeviationTests); the SMS ones the courier's http channel (the
    // login.sms suites and the kill matrix show them); the WebAuthn ones need a security key to show, and their
    // double-level walk is in the client's self-tests (client/KratosConformance.Client.Tests/Kratos/WebAuthnDoubleTests.cs),
    // which have the software authenticator. None changes this TOTP/lookup walk.
    public static IEnumerable<string> FactorDeviations() => Deviations.Factors.Select(d => d.Name)
        .Where(n => !RecoveryDeviationTests.IsOwn(n) && !new[] { "mixed-", "sms-", "webauthn-" }.Any(p => n.StartsWith(p, StringComparison.Ordinal)));

    [TestCaseSource(nameof(FactorDeviations))]
    public async Task Deviation_changes_the_walk(string deviation)
    {
        await using var harness = await DoubleHarness.StartAsync(deviations: [deviation], yaml: FactorWalk.Yaml(), store: store);
        await using var stale = await DoubleHarness.StartAsync(deviations: [deviation], yaml: FactorWalk.Yaml("1ns"), store: store);

        var walk = await FactorWalk.RunAsync(harness);
        var staleWalk = await FactorWalk.StaleAsync(stale);

        (walk.SequenceEqual(Baseline) && staleWalk == StaleBaseline).Should().BeFalse("deviation {0} must be observable: {1} / {2}", deviation, string.Join(" | ", walk), staleWalk);
    }

    [Test]
    public void At_least_three_per_factor_and_for_settings_all_in_the_kill_matrix()
    {
        var names = Deviations.Factors.Select(d => d.Name).ToList();

        names.Count(n => n.StartsWith("totp-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        names.Count(n => n.StartsWith("lookup-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        names.Count(n => n.StartsWith("webauthn-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        names.Count(n => !n.StartsWith("totp-", StringComparison.Ordinal) && !n.StartsWith("lookup-", StringComparison.Ordinal) && !n.StartsWith("webauthn-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        names.Except(Deviations.All.Select(d => d.Name)).Should().BeEmpty("the factor suites catch each, so the kill matrix runs them all");
        Deviations.AwaitingSuites.Should().BeEmpty("every factor deviation has a suite that catches it");
    }
}
