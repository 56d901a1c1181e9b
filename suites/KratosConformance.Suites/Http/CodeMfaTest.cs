using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>
/// Base of the HTTP code-MFA scenarios (browser, SPA and native clients over HTTP): a <see cref="ConformanceTest"/>
/// that also hands out the shared <see cref="Flows"/> steps for a profile's deployment.
/// </summary>
public abstract class CodeMfaTest : ConformanceTest
{
    /// <summary>The shared steps over <paramref name="profile"/>'s deployment; not applicable when the target lacks it.</summary>
    protected async Task<Flows> FlowsAsync(string profile = KratosProfiles.Default)
    {
        var (deployment, expect) = await DeploymentAsync(profile);
        return new Flows(Scope, deployment, expect);
    }

    /// <summary>
    /// The common start of the scenarios that act on a sent code: an identity of the test's own, signed in with the
    /// password (aal1), an aal2 flow in sent_email (sent by the user or auto-sent, per version), and the mailed code.
    /// </summary>
    protected async Task<CodeSent> SignedInWithCodeSentAsync(ClientStyle client, string profile = KratosProfiles.Default)
    {
        var flows = await FlowsAsync(profile);
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        var flow = await flows.StartWithCodeSentAsync(user, identity);
        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        return new CodeSent(flows, identity, user, flow, mail);
    }

    /// <summary>
    /// The common start of the scenarios that act on the choose_method screen: an identity with two code addresses
    /// signed in with the password (aal1), and an aal2 flow that waits for the user to pick an address (the v26.2.0
    /// fast path sends only for exactly one, spec §2.6).
    /// </summary>
    protected async Task<ChoosingAddress> SignedInChoosingAddressAsync(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityWithSecondAddressAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        var created = Observe(await user.CreateLoginFlowAsync(LoginFlowOptions.SecondFactor), "after creating an aal2 login flow for an identity with two code addresses");
        StatusChecks.FlowCreated(created, client);
        FlowChecks.State(created, "choose_method", "two code addresses: the flow waits for the user to pick one, spec §2.6");
        return new ChoosingAddress(flows, identity, user, created);
    }

    /// <summary>
    /// The second factor of <paramref name="identity"/> after its first: a new aal2 flow sends the code to its address
    /// (spec §2.6, §2.9), the code completes it, and whoami shows the aal2 session with <paramref name="methods"/>.
    /// </summary>
    protected async Task CompleteSecondFactorAsync(Flows flows, KratosClient user, TestIdentity identity, IReadOnlyList<(string Method, string Aal)>? methods = null)
    {
        var sent = await flows.SendCodeAsync(user, await flows.StartAal2Async(user), identity);
        CodeFormChecks.SentEmail(sent, user.Style, identity.Email, flows.Expect);
        var mail = await WaitForCodeAsync(flows.Deployment, identity, 1);
        await flows.CompleteAsync(user, FlowChecks.Flow(sent), mail.Code, identity);
        await flows.WhoAmIAal2Async(user, identity, methods);
    }

    /// <summary>
    /// Waits until <paramref name="expiry"/> (the end of Kratos's <paramref name="lifespan"/> named <paramref name="what"/>)
    /// has passed. Nothing observable changes when it passes, so the one polling helper watches the clock, with a
    /// deadline of the lifespan itself (Kratos's, not scaled) plus a 2 s grace the run's patience scales. With the
    /// profiles' 1ms lifespans it returns at the first or second look.
    /// </summary>
    protected Task WaitOutAsync(DateTimeOffset expiry, TimeSpan lifespan, string what)
    {
        var patience = Scope.Settings.Patience;
        var deadline = new Deadline(what + " wait", lifespan + patience.For("grace", TimeSpan.FromSeconds(2)).Limit, patience);
        return Poll.UntilAsync(
            _ => Task.FromResult(DateTimeOffset.UtcNow),
            now => now > expiry,
            new PollOptions($"the {what} of {lifespan} to pass", deadline));
    }
}
