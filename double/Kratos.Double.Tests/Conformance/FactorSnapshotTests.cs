using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// Every TOTP and lookup-secret snapshot of Kratos (fixtures/reference/kratos-snapshots/&lt;version&gt;/factors) against the
/// double's output at that version, set up as Kratos's test does (settings required_aal aal1; profile and password
/// disabled there, so only the default group and the strategy's group are compared; lookup codes and used_at taken
/// from Kratos's fixture identity). Hydrator snapshots (TestFormHydration) are one strategy's raw, unsorted output:
/// compared by group/name/type. Whole flows are validated against the OpenAPI document.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FactorSnapshotTests
{
    /// <summary>Files no Kratos test writes any more (fixtures/reference/NOTICE, FACTORS index): not a reference.</summary>
    public static readonly string[] Orphans =
    [
        "lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button-case=api.json",
        "lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button-case=browser.json",
        "lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button-case=spa.json",
    ];

    private static readonly (string File, string Scenario, ClientStyle Style)[] Table =
    [
        ("totp/TestCompleteLogin-case=totp_payload_is_set_when_identity_has_totp.json", "totp-login", ClientStyle.Native),
        ("totp/TestCompleteSettings-case=device_setup_is_available_when_identity_has_no_totp_yet.json", "totp-settings-none", ClientStyle.Native),
        ("totp/TestCompleteSettings-case=device_unlinking_is_available_when_identity_has_totp.json", "totp-settings-has", ClientStyle.Native),
        ("totp/TestFormHydration-method=PopulateLoginMethodSecondFactor.json", "totp-hydration", ClientStyle.Browser),
        ("totp/TestFormHydration-method=PopulateLoginMethodSecondFactorRefresh.json", "totp-hydration-refresh", ClientStyle.Browser),
        ("lookup/TestCompleteLogin-case=lookup_payload_is_set_when_identity_has_lookup.json", "lookup-login", ClientStyle.Native),
        ("lookup/TestCompleteSettings-case=button_for_regeneration_is_displayed_when_identity_has_no_recovery_codes_yet-case=api.json", "lookup-settings-none", ClientStyle.Native),
        ("lookup/TestCompleteSettings-case=button_for_regeneration_is_displayed_when_identity_has_no_recovery_codes_yet-case=browser.json", "lookup-settings-none", ClientStyle.Browser),
        ("lookup/TestCompleteSettings-case=button_for_regeneration_is_displayed_when_identity_has_no_recovery_codes_yet-case=spa.json", "lookup-settings-none", ClientStyle.Spa),
        ("lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button_and_show_disable_button-case=api.json", "lookup-settings-has", ClientStyle.Native),
        ("lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button_and_show_disable_button-case=browser.json", "lookup-settings-has", ClientStyle.Browser),
        ("lookup/TestCompleteSettings-case=hide_recovery_codes_behind_reveal_button_and_show_disable_button-case=spa.json", "lookup-settings-has", ClientStyle.Spa),
        ("lookup/TestCompleteSettings-case=should_pass_without_csrf_if_API_flow.json", "lookup-reveal", ClientStyle.Native),
        ("lookup/TestCompleteSettings-type=regenerate_but_no_confirmation-type=api.json", "lookup-reveal-all", ClientStyle.Native),
        ("lookup/TestCompleteSettings-type=regenerate_but_no_confirmation-type=browser.json", "lookup-reveal-all", ClientStyle.Browser),
        ("lookup/TestCompleteSettings-type=regenerate_but_no_confirmation-type=spa.json", "lookup-reveal-all", ClientStyle.Spa),
        ("lookup/TestFormHydration-method=PopulateLoginMethodSecondFactor.json", "lookup-hydration", ClientStyle.Browser),
        ("lookup/TestFormHydration-method=PopulateLoginMethodSecondFactorRefresh.json", "lookup-hydration-refresh", ClientStyle.Browser),
    ];

    private static readonly string[] Versions = ["v26.2.0", "v25.4.0", "v1.3.1"];

    public static IEnumerable<TestCaseData> Cases() =>
        from version in Versions
        from row in Table
        where File.Exists(Path.Combine(ReferenceFiles.Directory, "kratos-snapshots", version, "factors", row.File))
        select new TestCaseData(version, row.File, row.Scenario, row.Style).SetArgDisplayNames(version, row.File);

    [TestCaseSource(nameof(Cases))]
    public async Task Factor_output_matches_kratos_snapshot(string version, string file, string scenario, ClientStyle style)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(ReferenceFiles.Require(Path.Combine("kratos-snapshots", version, "factors", file))))!.AsArray();
        await using var harness = await DoubleHarness.StartAsync(version, yaml: DoubleConfigs.Factors("      required_aal: aal1\n", code: false));
        var (flow, component) = await FactorScenarios.RunAsync(harness, scenario, style);
        var strategy = scenario.StartsWith("totp", StringComparison.Ordinal) ? "totp" : "lookup_secret";
        var nodes = new JsonArray([.. flow["ui"]!["nodes"]!.AsArray().Where(n => n!["group"]!.GetValue<string>() is "default" || n["group"]!.GetValue<string>() == strategy).Select(n => n!.DeepClone())]);
        SnapshotProjection.UseFixtureCodes(nodes, expected);

        using (new AssertionScope($"{version} {file}"))
        {
            if (scenario.Contains("hydration", StringComparison.Ordinal))
            {
                ByTriple(nodes, expected).Should().Equal(ByTriple(expected, expected), "the hydrator's nodes, in any order");
            }
            else
            {
                SnapshotProjection.Project(nodes, expected)!.ToJsonString().Should().Be(SnapshotProjection.Sorted(expected)!.ToJsonString());
            }

            var validation = OpenApiSchemas.Validate(component, flow);
            validation.IsValid.Should().BeTrue("the flow must satisfy the OpenAPI {0} schema, enums included: {1}", component, OpenApiSchemas.Describe(validation));
        }
    }

    [TestCase("v26.2.0")]
    [TestCase("v25.4.0")]
    [TestCase("v1.3.1")]
    public void Every_totp_and_lookup_snapshot_is_compared_or_an_orphan(string version)
    {
        var files = new[] { "totp", "lookup" }
            .SelectMany(s => ReferenceFiles.Snapshots(version, Path.Combine("factors", s)).Select(f => s + "/" + Path.GetFileName(f)))
            .ToList();
        var compared = Table.Select(r => r.File).Concat(Orphans).ToHashSet(StringComparer.Ordinal);

        files.Where(f => !compared.Contains(f)).Should().BeEmpty("every TOTP and lookup snapshot is compared with the double, or named an orphan with the reason");
    }

    private static List<string> ByTriple(JsonArray nodes, JsonArray expected) =>
        [.. nodes.Select(n =>
        {
            var triple = $"{n!["group"]}/{n["attributes"]!["name"]}/{n["attributes"]!["type"]}";
            var reference = expected.FirstOrDefault(e => $"{e!["group"]}/{e["attributes"]!["name"]}/{e["attributes"]!["type"]}" == triple);
            return triple + " " + SnapshotProjection.Project(n, reference ?? n)!.ToJsonString();
        }).Order(StringComparer.Ordinal)];
}
