using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// Backup codes in the settings flow (factors spec §4.2, §4.3, §4.5, §7.5): regenerate shows 12 codes that only confirm
/// in the same flow saves, the session becomes aal2, a second regeneration replaces the codes, and when several
/// actions are posted confirm > reveal > disable > regenerate decides.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LookupSettingsTests : FactorTest
{
    private static IEnumerable<TestCaseData> Lifecycle() => ConformanceCases.ForStyles(
        Id("settings", "lookup-secret", "lifecycle"),
        "factors §4.3/§4.5/§7.5: regenerate (1050008) shows 12 codes with confirm (1050011); confirm saves them (1050001, reveal + disable, session aal2 [password, lookup_secret]); a new regenerate + confirm replaces them");

    private static IEnumerable<TestCaseData> Precedence() => ConformanceCases.ForStyles(
        Id("settings", "lookup-secret", "precedence"),
        "factors §4.3: with reveal and regenerate posted together reveal wins (the saved codes shown, nothing regenerated); with reveal and disable, reveal wins too; disable alone removes the codes");

    [TestCaseSource(nameof(Lifecycle))]
    public async Task LookupLifecycle(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);

        var opened = await steps.OpenSettingsAsync(user, identity, "after opening a settings flow without backup codes");
        NodeChecks.Present(opened, new NodeExpectation("lookup_secret", "lookup_secret_regenerate", "submit") { Value = "true", LabelId = 1050008 }, "an identity without codes is offered to generate them, factors spec §4.3 row 1");
        NodeChecks.Absent(opened, "lookup_secret", "lookup_secret_reveal", "submit", "nothing to reveal without codes, factors spec §4.3 row 1");

        var first = await steps.EnrolLookupAsync(user, identity);
        var stored = await steps.StoredAsync(identity, "lookup_secret", "on the admin API after confirming the codes");
        FactorChecks.CredentialIs(stored, identity.Id, "lookup_secret", present: true, null, "confirm saves the codes as the lookup_secret credential, factors spec §4.3, §4.5");
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("lookup_secret", "aal2")], addedInSettings: 1);

        var second = await steps.EnrolLookupAsync(user, identity);
        Check.Verify(steps.Observe(stored.Response, "comparing the two generations"), FactorChecks.Codes, !second.Intersect(first).Any(), new FailureText
        {
            Headline = "regenerated codes repeat earlier ones",
            Subject = "the second generation of codes",
            Expectation = "share no code with the first",
            Why = "each regeneration draws 12 new random codes, factors spec §4.2",
            Actual = "they shared " + Check.List(second.Intersect(first)),
            Expected = "(none shared)",
            Observed = Check.List(second.Intersect(first)),
        });
    }

    [TestCaseSource(nameof(Precedence))]
    public async Task LookupPrecedence(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(steps.Deployment);
        var user = NewClient(client, steps.Deployment);
        await steps.Code.SignInAal1Async(user, identity);
        var codes = await steps.EnrolLookupAsync(user, identity);

        var opened = await steps.OpenSettingsAsync(user, identity, "after opening a settings flow with backup codes");
        FactorSteps.LookupOffered(opened, "an identity with codes sees reveal and disable, factors spec §4.3 row 2");
        var both = steps.Observe(await steps.Driver.LookupActionAsync(user, FlowChecks.Flow(opened), [FactorDriver.Regenerate, FactorDriver.Reveal]), "after posting regenerate and reveal together");
        SettingsChecks.Flow(both, client, 200, steps.Deployment.Facts.SettingsUiUrl, "reveal returns to the UI, factors spec §4.3");
        SettingsChecks.State(both, "show_form", "reveal saves nothing, factors spec §4.3");
        var shown = FactorChecks.CodesShown(both);
        Check.Verify(both, FactorChecks.Codes, shown.SequenceEqual(codes), new FailureText
        {
            Headline = "regenerate won over reveal",
            Subject = "the codes shown",
            Expectation = "be the saved codes",
            Why = "precedence confirm > reveal > disable > regenerate: reveal wins and shows the saved codes, factors spec §4.3",
            Actual = "they were " + Check.List(shown),
            Expected = Check.List(codes),
            Observed = Check.List(shown),
        });
        NodeChecks.Absent(both, "lookup_secret", "lookup_secret_confirm", "submit", "revealed codes need no confirmation, factors spec §4.3 row 4");
        NodeChecks.Present(both, new NodeExpectation("lookup_secret", "lookup_secret_regenerate", "submit") { Value = "true", LabelId = 1050008 }, "after reveal: codes, disable and regenerate, factors spec §4.3 row 4");

        var revealOverDisable = steps.Observe(await steps.Driver.LookupActionAsync(user, FlowChecks.Flow(both), [FactorDriver.Disable, FactorDriver.Reveal]), "after posting disable and reveal together");
        SettingsChecks.State(revealOverDisable, "show_form", "reveal wins over disable and saves nothing, factors spec §4.3");
        FactorChecks.CredentialIs(await steps.StoredAsync(identity, "lookup_secret", "on the admin API after disable + reveal"), identity.Id, "lookup_secret", present: true, null, "reveal wins over disable: the codes stay, factors spec §4.3");

        var disabled = steps.Observe(await steps.Driver.LookupActionAsync(user, FlowChecks.Flow(revealOverDisable), [FactorDriver.Disable]), "after pressing disable");
        steps.Saved(disabled, client, "disable deletes the codes, factors spec §4.3");
        FactorChecks.CredentialIs(await steps.StoredAsync(identity, "lookup_secret", "on the admin API after disable"), identity.Id, "lookup_secret", present: false, null, "disable deletes the lookup_secret credential, factors spec §4.3");
    }
}
