using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The recovery-with-MFA and optional-code deviations of <see cref="Deviations.Factors"/> (factors spec §8, §9): the
/// baseline walks equal the spec, and each deviation changes one of them. The suites recovery.code-mfa.* and
/// login/settings.code-optional.* catch them in the kill matrix.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecoveryDeviationTests
{
    public static readonly string[] Baseline =
    [
        "recovered: whoami 403 settings 403",
        "after totp: [1060001] code_recovery,totp",
        "without code address: whoami 200",
        "with code address: whoami 403 sent_email mails 1/0",
        "spa, aal1 settings: recovered 422 settings 200 window 1m return_to http://127.0.0.1:4455/after-recovery saved to http://127.0.0.1:4455/after-recovery",
    ];

    /// <summary>The deviations these walks observe (the TOTP/lookup walk of FactorDeviationTests does not).</summary>
    public static bool IsOwn(string name) => name.StartsWith("recovery-", StringComparison.Ordinal) || name.StartsWith("code-optional-", StringComparison.Ordinal);

    public static IEnumerable<string> Own() => Deviations.Factors.Select(d => d.Name).Where(IsOwn);

    [Test]
    public async Task Baseline_walks_match_the_spec() =>
        (await WalkAsync([])).Should().Equal(Baseline);

    [TestCaseSource(nameof(Own))]
    public async Task Deviation_changes_a_walk(string deviation)
    {
        var walk = await WalkAsync([deviation]);

        walk.SequenceEqual(Baseline).Should().BeFalse("deviation {0} must be observable: {1}", deviation, string.Join(" | ", walk));
    }

    [Test]
    public void At_least_three_for_recovery_and_three_for_optional_code()
    {
        Own().Count(n => n.StartsWith("recovery-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        Own().Count(n => n.StartsWith("code-optional-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(3);
        Own().Except(Deviations.All.Select(d => d.Name)).Should().BeEmpty("the suites catch each, so the kill matrix runs them all");
    }

    private static async Task<List<string>> WalkAsync(string[] deviations)
    {
        var walk = new List<string>();
        await using (var harness = await DoubleHarness.StartAsync(deviations: deviations, yaml: RecoveryMfaTests.Yaml("highest_available")))
        {
            var (email, secret) = await RecoveryMfaTests.IdentityWithTotpAsync(harness);
            using var browser = harness.NewActor();
            browser.Style = ClientStyle.Browser;
            var recovered = await RecoveryMfaTests.RecoverAsync(harness, browser, email);
            var settingsId = recovered.Location![(recovered.Location!.IndexOf("flow=", StringComparison.Ordinal) + 5)..];
            var who = await browser.WhoamiAsync();
            var blocked = await browser.FetchSettingsFlowAsync(settingsId);
            walk.Add($"recovered: whoami {who.Code} settings {blocked.Code}");
            // An aal2 recovery session (a deviation) gets session_already_available instead of a flow.
            if ((await browser.CreateLoginFlowAsync("aal=aal2")).Body is { } aal2 && aal2["ui"] is not null)
            {
                await browser.SubmitAsync(aal2, ("method", "totp"), ("totp_code", TotpCodes.At(secret)));
            }

            var settings = await browser.FetchSettingsFlowAsync(settingsId);
            var methods = (await browser.WhoamiAsync()).Body?["authentication_methods"]?.AsArray().Select(m => m!["method"]!.GetValue<string>()) ?? [];
            walk.Add($"after totp: [{string.Join(",", FlowJson.MessageIds(settings.Body))}] {string.Join(",", methods)}");
        }

        await using (var harness = await DoubleHarness.StartAsync(deviations: deviations, yaml: OptionalCodeMfaTests.Yaml()))
        {
            var plain = $"plain-{Guid.NewGuid():N}@example.com";
            await OptionalCodeMfaTests.CreateAsync(harness, plain, null);
            using var first = harness.NewActor();
            await first.PasswordLoginAsync(plain);
            walk.Add($"without code address: whoami {(await first.WhoamiAsync()).Code}");

            var email = $"main-{Guid.NewGuid():N}@example.com";
            var mfa = $"mfa-{Guid.NewGuid():N}@example.com";
            await OptionalCodeMfaTests.CreateAsync(harness, email, mfa);
            using var second = harness.NewActor();
            await second.PasswordLoginAsync(email);
            var who = await second.WhoamiAsync();
            var flow = (await second.CreateLoginFlowAsync("aal=aal2")).Body;
            var state = flow?["state"]?.GetValue<string>();
            walk.Add($"with code address: whoami {who.Code} {state} mails {(await harness.CodesForAsync(mfa)).Count}/{(await harness.CodesForAsync(email)).Count}");
        }

        await using (var harness = await DoubleHarness.StartAsync(deviations: deviations, yaml: RecoveryMfaTests.Yaml("aal1")))
        {
            var (email, _) = await RecoveryMfaTests.IdentityWithTotpAsync(harness);
            using var spa = harness.NewActor();
            var recovered = await RecoveryMfaTests.RecoverAsync(harness, spa, email, "http://127.0.0.1:4455/after-recovery");
            var target = recovered.Body?["redirect_browser_to"]?.GetValue<string>()
                ?? recovered.Body?["continue_with"]?.AsArray().Select(c => c?["flow"]?["url"]?.GetValue<string>()).LastOrDefault(u => u is not null) ?? "?flow=";
            var settings = await spa.FetchSettingsFlowAsync(target[(target.IndexOf("flow=", StringComparison.Ordinal) + 5)..]);
            var until = settings.Body?["ui"]?["messages"]?.AsArray().Select(m => m?["context"]?["privileged_session_expires_at_unix"]?.GetValue<long>()).FirstOrDefault() ?? 0;
            var minutes = Math.Round((DateTimeOffset.FromUnixTimeSeconds(until) - DateTimeOffset.UtcNow).TotalMinutes);
            var saved = settings.Code == 200 ? await spa.SubmitSettingsAsync(settings.Body!, ("method", "password"), ("password", "a-new-test-password-3")) : null;
            var savedTo = saved?.Body?["continue_with"]?.AsArray().Select(c => c?["redirect_browser_to"]?.GetValue<string>()).FirstOrDefault(u => u is not null);
            walk.Add($"spa, aal1 settings: recovered {recovered.Code} settings {settings.Code} window {minutes}m return_to {settings.Body?["return_to"]} saved to {savedTo}");
        }

        return walk;
    }
}
