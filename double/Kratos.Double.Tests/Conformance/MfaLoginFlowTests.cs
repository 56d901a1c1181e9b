using System.Net;
using FluentAssertions;
using Kratos.Double.Tests.Support;

namespace Kratos.Double.Tests.Conformance;

/// <summary>The whole password → code (aal2) login for each client style (kratos-mfa-spec.md §2, §3).</summary>
[TestFixture(DoubleStore.Memory)]
[TestFixture(DoubleStore.Sqlite)]
[Parallelizable(ParallelScope.All)]
public sealed class MfaLoginFlowTests(DoubleStore store)
{
    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    [TestCase(ClientStyle.Browser)]
    [TestCase(ClientStyle.Spa)]
    [TestCase(ClientStyle.Native)]
    public async Task Password_login_under_highest_available_asks_for_aal2(ClientStyle style)
    {
        await using var harness = await DoubleHarness.StartAsync(store: store);
        var email = NewEmail();
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = style;

        var first = await actor.PasswordLoginAsync(email);

        first.Code.Should().Be(style switch { ClientStyle.Browser => 303, ClientStyle.Spa => 422, _ => 200 }, "{0}", first);
        switch (style)
        {
            case ClientStyle.Browser:
                first.Location.Should().EndWith("/self-service/login/browser?aal=aal2");
                break;
            case ClientStyle.Spa:
                first.Body!["error"]!["id"]!.GetValue<string>().Should().Be("browser_location_change_required");
                first.Body!["redirect_browser_to"]!.GetValue<string>().Should().EndWith("/self-service/login/browser?aal=aal2");
                break;
            default:
                first.Body!["session"]!["identity"].Should().BeNull("the identity is hidden until AAL2 is reached");
                first.Body!["session_token"]!.GetValue<string>().Should().StartWith("ory_st_");
                break;
        }

        var denied = await actor.WhoamiAsync();
        denied.Code.Should().Be(403, "highest_available demands aal2: {0}", denied);
        denied.Body!["error"]!["id"]!.GetValue<string>().Should().Be("session_aal2_required");
        denied.Body!["redirect_browser_to"]!.GetValue<string>().Should().EndWith("/self-service/login/browser?aal=aal2");
    }

    [TestCase(ClientStyle.Browser)]
    [TestCase(ClientStyle.Spa)]
    [TestCase(ClientStyle.Native)]
    public async Task Password_then_code_gives_aal2_with_same_session_and_code_amr(ClientStyle style)
    {
        // SESSION_WHOAMI_REQUIRED_AAL=aal1 (an env override) lets whoami show the aal1 session before the upgrade.
        await using var harness = await DoubleHarness.StartAsync(env: new Dictionary<string, string> { ["SESSION_WHOAMI_REQUIRED_AAL"] = "aal1" }, store: store);
        var email = NewEmail();
        await harness.CreateIdentityAsync(email);
        using var actor = harness.NewActor();
        actor.Style = style;

        var first = await actor.PasswordLoginAsync(email);
        first.Code.Should().Be(style == ClientStyle.Browser ? 303 : 200, "{0}", first);
        var before = (await actor.WhoamiAsync()).Body!;
        before["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal1");

        var flow = await actor.CreateLoginFlowAsync("aal=aal2");
        flow.Body!["state"]!.GetValue<string>().Should().Be("sent_email", "v26.2.0 auto-sends when code is the only MFA: {0}", flow);
        FlowJson.MessageIds(flow.Body).Should().Equal(1010014);

        var code = (await harness.CodesForAsync(email)).Single();
        code.Should().MatchRegex("^[0-9]{6}$");
        var done = await actor.SubmitAsync(flow.Body!, ("method", "code"), ("code", code), ("identifier", email));
        done.Code.Should().Be(style == ClientStyle.Browser ? 303 : 200, "{0}", done);

        var after = await actor.WhoamiAsync();
        after.Status.Should().Be(HttpStatusCode.OK, "{0}", after);
        var session = after.Body!;
        session["authenticator_assurance_level"]!.GetValue<string>().Should().Be("aal2");
        session["id"]!.GetValue<string>().Should().Be(before["id"]!.GetValue<string>());
        session["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()).Should().Equal("password", "code");
        session["identity"]!["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>().Should().BeTrue();
        string.CompareOrdinal(session["authenticated_at"]!.GetValue<string>(), before["authenticated_at"]!.GetValue<string>()).Should().BePositive();
        if (style == ClientStyle.Native)
        {
            done.Body!["session_token"]!.GetValue<string>().Should().Be(actor.SessionToken);
        }
        else if (style == ClientStyle.Spa)
        {
            done.Body!["continue_with"]![0]!["action"]!.GetValue<string>().Should().Be("redirect_browser_to");
        }
        else
        {
            done.Location.Should().Be("http://127.0.0.1:4455/");
        }
    }
}
