using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>
/// The mixed-factor deviations (<c>mixed-*</c> of <see cref="Deviations.Factors"/>): the aal2 flow of an identity with
/// the emailed code, TOTP and backup codes, as the factors spec §6.1/§6.2 describe it at v26.2.0 (choose_method, no
/// code sent, every factor's nodes in the group order of §2.5), and each deviation changing it. The login.mixed suite
/// catches each one in the kill matrix.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MixedDeviationTests
{
    public const string Baseline =
        "choose_method default/csrf_token,code/address,totp/totp_code,totp/method,lookup_secret/lookup_secret,lookup_secret/method";

    public static IEnumerable<string> MixedDeviations() => Deviations.Factors.Select(d => d.Name).Where(n => n.StartsWith("mixed-", StringComparison.Ordinal));

    [Test]
    public async Task Baseline_aal2_screen_matches_the_spec()
    {
        (await Aal2ScreenAsync([])).Should().Be(Baseline);
    }

    [TestCaseSource(nameof(MixedDeviations))]
    public async Task Deviation_changes_the_aal2_screen(string deviation)
    {
        (await Aal2ScreenAsync([deviation])).Should().NotBe(Baseline, "deviation {0} must be observable on the mixed aal2 screen", deviation);
    }

    [Test]
    public void At_least_three_mixed_factor_deviations()
    {
        MixedDeviations().Should().HaveCountGreaterThanOrEqualTo(3, "issue 15 asks for at least three per factor, mixed factors included");
    }

    // An identity with code MFA (its email), TOTP and backup codes (enrolled at aal1: settings required_aal aal1, as
    // Kratos's own settings tests run), then a fresh aal1 session's aal2 browser flow: its state and nodes.
    private static async Task<string> Aal2ScreenAsync(string[] deviations)
    {
        await using var h = await DoubleHarness.StartAsync("v26.2.0", deviations: deviations, yaml: DoubleConfigs.Factors("      required_aal: aal1\n", code: true));
        var email = $"mixed-{Guid.NewGuid():N}@example.com";
        await h.CreateIdentityAsync(email);
        using var owner = h.NewActor();
        await owner.PasswordLoginAsync(email);
        await Factors.EnrolTotpAsync(owner);
        await Factors.EnrolLookupAsync(owner);

        using var weak = h.NewActor();
        await weak.PasswordLoginAsync(email);
        var flow = (await weak.CreateLoginFlowAsync("aal=aal2")).Body;
        return $"{flow?["state"]} {string.Join(',', Factors.NodeIds(flow))}";
    }
}
