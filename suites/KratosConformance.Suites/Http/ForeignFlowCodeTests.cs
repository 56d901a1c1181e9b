using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario foreign-flow-code: codes are bound to their flow (spec §2.13).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ForeignFlowCodeTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "foreign-flow-code",
        "§2.13: a code mailed for another login flow of the same user gives 4010008; the flow's own code still completes it (§2.11)");

    [TestCaseSource(nameof(Cases))]
    public async Task ForeignFlowCode(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);

        Step("flow A: code sent");
        await flows.StartWithCodeSentAsync(user, identity);
        var codeA = await WaitForCodeAsync(flows.Deployment, identity, 1);
        Step("flow B: code sent");
        var flowB = await flows.StartWithCodeSentAsync(user, identity);
        var codeB = await WaitForCodeAsync(flows.Deployment, identity, 2);
        if (codeA.Code == codeB.Code)
        {
            // One in a million: the two random codes coincide and the scenario cannot tell flows apart.
            Assert.Inconclusive($"the codes of flow A and flow B are both {codeA.Code}; the scenario cannot distinguish them this run");
        }

        var foreign = await flows.SubmitCodeAsync(user, flowB, codeA.Code, identity, "submitting flow A's code to flow B");
        StatusChecks.FlowRendered(foreign, client);
        FlowChecks.State(foreign, "sent_email", "a rejected code leaves the flow in sent_email, spec §2.11");
        MessageChecks.ExactlyIds(foreign, [4010008], "codes are looked up by flow and identity, spec §2.13");

        await flows.CompleteAsync(user, FlowChecks.Flow(foreign), codeB.Code, identity, "submitting flow B's own code");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
