using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Scenario password-form-errors: what the password form shows after a failed submission, so a login page that
/// renders the flow as it comes back shows the right errors and nothing stale (docs/kratos-facts.md "The password form
/// after an error"; selfservice/strategy/password/login.go <c>handleLoginError</c>, its login schema, and
/// selfservice/flow/login/error.go <c>WriteFlowError</c>). Each missing field gets 4000002 on its own node; every
/// error replaces the earlier ones, on the flow and on the nodes; the identifier input keeps what was typed and the
/// password input never echoes the password.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PasswordFormErrorTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "password-form-errors",
        "§1.3/§2.11: a missing identifier and password each get 4000002 on their node; the next error replaces them; the identifier keeps the submitted value and the password none");

    [TestCaseSource(nameof(Cases))]
    public async Task PasswordFormErrors(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        var created = Observe(await user.CreateLoginFlowAsync(LoginFlowOptions.FirstFactor), "after creating a password login flow");
        StatusChecks.FlowCreated(created, client);

        var empty = LoginSubmission.Password(identity.Email, identity.Password).Without("identifier").Without("password");
        var neither = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), empty), "after submitting neither identifier nor password");
        StatusChecks.FlowRendered(neither, client);
        FlowChecks.KeptFrom(neither, FlowChecks.Flow(created), "errors are written onto the flow, spec §2.11");
        NodeChecks.HasMessage(neither, "default", "identifier", "text", 4000002, "the login schema requires the identifier (password/.schema/login.schema.json)", "Property identifier is missing.", only: true);
        NodeChecks.HasMessage(neither, "password", "password", "password", 4000002, "the login schema requires the password with method=password (password/.schema/login.schema.json)", "Property password is missing.", only: true);
        MessageChecks.ExactlyIds(neither, [], "field errors sit on their nodes, not on the flow (ui/container ParseError)");
        NodeChecks.Present(neither, new NodeExpectation("default", "identifier", "text") { Value = string.Empty }, "no identifier was submitted, so the input holds the empty value (handleLoginError SetValueAttribute)");

        var noPassword = LoginSubmission.Password(identity.Email, identity.Password).Without("password");
        var missing = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(neither), noPassword), "after submitting the identifier without a password");
        StatusChecks.FlowRendered(missing, client);
        NodeChecks.HasMessage(missing, "password", "password", "password", 4000002, "the password is still missing", "Property password is missing.", only: true);
        NodeChecks.Present(missing, new NodeExpectation("default", "identifier", "text") { Value = identity.Email }, "the identifier input keeps what was submitted (handleLoginError SetValueAttribute)");
        NodeChecks.HasNoMessage(missing, "default", "identifier", "text", "the identifier was given this time: its 4000002 from the earlier submission is gone (WriteFlowError ResetMessages)");

        var wrong = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(missing), LoginSubmission.Password(identity.Email, identity.Password + "-wrong")), "after submitting a wrong password");
        StatusChecks.FlowRendered(wrong, client);
        MessageChecks.ExactlyIds(wrong, [4000006], "a wrong password, spec §1.3");
        NodeChecks.NoMessages(wrong, "the earlier 4000002 on the password input is replaced by the flow's 4000006 (WriteFlowError ResetMessages)");
        NodeChecks.Present(wrong, new NodeExpectation("default", "identifier", "text") { Value = identity.Email }, "the identifier input keeps what was submitted (handleLoginError SetValueAttribute)");
        NodeChecks.NoValue(wrong, "password", "password", "password", "the password input never echoes the password (handleLoginError ResetNodes)");
    }
}
