using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Factors;

/// <summary>
/// A backup code as the second factor of a login (factors spec §2.3, §2.4, §4.4): the aal2 form, an unknown code, one
/// code completing aal2, the same code refused as used, and the next unused one still working.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LookupLoginTests : FactorTest
{
    private static IEnumerable<TestCaseData> Aal2() => ConformanceCases.ForStyles(
        Id("login", "lookup-secret", "aal2"),
        "factors §4.4/§2.4: the aal2 flow shows the backup-code form with 1010004, an unknown code gives 4000016, one code completes aal2 [password, lookup_secret], used again it gives 4000012, another unused code works");

    [TestCaseSource(nameof(Aal2))]
    public async Task LookupAal2(ClientStyle client)
    {
        var steps = await StepsAsync(KratosProfiles.Lookup);
        var identity = await NewIdentityAsync(steps.Deployment);
        var codes = await steps.WithLookupAsync(client, identity);
        var user = await steps.SignedInAal1Async(client, identity);

        var created = await steps.Aal2FlowAsync(user);
        MessageChecks.ExactlyIds(created, [1010004], "an aal2 flow on an aal1 session asks for the second factor, factors spec §4.4");
        NodeChecks.Present(created, new NodeExpectation("lookup_secret", "lookup_secret", "text") { LabelId = 1010007, Required = true }, "the backup-code input, factors spec §4.4 row 2");
        NodeChecks.Present(created, new NodeExpectation("lookup_secret", "method", "submit") { Value = "lookup_secret", LabelId = 1010010 }, "the backup-code submit, factors spec §4.4 row 3");
        NodeChecks.Absent(created, "code", "address", "submit", "code.mfa_enabled is false: the code strategy adds no address button to an aal2 flow (code/strategy.go PopulateMethod returns early), factors spec §4.4");
        CodeFormChecks.CsrfWhateverTheType(created, client, "the backup-code hydrator sets it whatever the flow type (lookup/login.go PopulateLoginMethod), factors spec §4.4");

        var unknown = steps.Observe(await steps.Driver.SubmitLookupLoginAsync(user, FlowChecks.Flow(created), "zzzzzzzz", "submit an unknown backup code"), "after submitting an unknown backup code");
        StatusChecks.FlowRendered(unknown, client);
        MessageChecks.ExactlyIds(unknown, [4000016], "an unknown backup code gives 4000016, factors spec §4.4");

        var done = steps.Observe(await steps.Driver.SubmitLookupLoginAsync(user, FlowChecks.Flow(unknown), codes[0], "submit the first backup code"), "after submitting the first backup code");
        StatusChecks.LoginSucceeded(done, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("lookup_secret", "aal2")]);

        var again = await steps.Aal2FlowAsync(user, refresh: true);
        var used = steps.Observe(await steps.Driver.SubmitLookupLoginAsync(user, FlowChecks.Flow(again), codes[0], "submit the first backup code once more"), "after submitting the used backup code again");
        StatusChecks.FlowRendered(used, client);
        MessageChecks.ExactlyIds(used, [4000012], "each backup code is single-use: a used one gives 4000012, factors spec §4.2, §4.4");

        var next = steps.Observe(await steps.Driver.SubmitLookupLoginAsync(user, FlowChecks.Flow(used), codes[^1], "submit the last backup code"), "after submitting the last backup code");
        StatusChecks.LoginSucceeded(next, client);
        await steps.Code.WhoAmIAal2Async(user, identity, [("password", "aal1"), ("lookup_secret", "aal2"), ("lookup_secret", "aal2")]);
    }
}
