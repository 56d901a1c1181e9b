using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.SelfTests;

/// <summary>
/// The failure TEXT of the checks (style.md principle 3: failure messages are the product; FluentAssertions and NUnit
/// test theirs the same way). These are not conformance tests: no ConformanceId, category self-test.
/// </summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class FailureTextTests
{
    private const string Id = "login.code-mfa.wrong-code.spa";

    [Test]
    public void Missing_message_reads_in_the_house_format()
    {
        var o = Observed(400, Flow("sent_email", 1010014));

        var failure = Catch(() => MessageChecks.ExactlyIds(o, [4010008], "a wrong code replaces the info message with 4010008, spec §2.11"));

        Assert.That(failure.Message, Is.EqualTo(
            "login.code-mfa.wrong-code.spa — message 4010008 missing\n"
            + "Expected ui.messages to be exactly [4010008 (login code invalid or used)] (a wrong code replaces the info message with 4010008, spec §2.11) after submitting a wrong code, but found [1010014].\n"
            + "  Expected:  [4010008]\n"
            + "  But was:   [1010014]\n"
            + "  Flow:      state=sent_email requested_aal=aal2 messages=[1010014] (flow 6b1c…)\n"
            + "  Request:   POST /self-service/login?flow=6b1c… -> 400   (transcript: 0007-post-login.txt)\n"
            + "  Check:     message.ids"));
    }

    [Test]
    public void Wrong_status_names_both_statuses_and_the_spec()
    {
        var o = Observed(200, Flow("sent_email", 1010014));

        var failure = Catch(() => StatusChecks.FlowRendered(o, ClientStyle.Spa));

        Assert.That(failure.Message, Does.StartWith("login.code-mfa.wrong-code.spa — status 200 instead of 400\n"
            + "Expected the response status to be 400 (JSON clients get 400 plus the flow until the login is complete (spec §2.8 step 6, §3)) after submitting a wrong code, but it was 200.\n"
            + "  Expected:  400\n"));
        Assert.That(failure.Message, Does.Contain("  But was:   200\n"));
        Assert.That(failure.Message, Does.Contain("  Request:   POST /self-service/login?flow=6b1c… -> 200   (transcript: 0007-post-login.txt)"));
    }

    [Test]
    public void Missing_node_lists_the_nodes_that_were_there()
    {
        var o = Observed(400, Flow("sent_email", 1010014));

        var failure = Catch(() => NodeChecks.Present(o, new NodeExpectation("code", "resend", "submit") { LabelId = 1070008 }, "spec §2.9 row 5"));

        Assert.That(failure.Message, Does.StartWith("login.code-mfa.wrong-code.spa — node code/resend/submit missing\n"
            + "Expected ui.nodes to contain code/resend/submit (spec §2.9 row 5) after submitting a wrong code, but found [code/code/text (1070013)].\n"
            + "  Expected:  code/resend/submit label=1070008\n"
            + "  But was:   [code/code/text (1070013)]\n"));
    }

    [Test]
    public void Wrong_state_shows_both_states()
    {
        var o = Observed(400, Flow("choose_method", 1010004));

        var failure = Catch(() => FlowChecks.State(o, "sent_email", "spec §2.4"));

        Assert.That(failure.Failure.Headline, Is.EqualTo("state choose_method instead of sent_email"));
        Assert.That(failure.Message, Does.Contain("  Expected:  sent_email\n  But was:   choose_method\n"));
    }

    [Test]
    public void Passing_checks_do_not_throw()
    {
        var o = Observed(400, Flow("sent_email", 4010008));

        Assert.DoesNotThrow(() =>
        {
            StatusChecks.FlowRendered(o, ClientStyle.Native);
            FlowChecks.State(o, "sent_email", "spec §2.11");
            MessageChecks.ExactlyIds(o, [4010008], "spec §2.11");
            NodeChecks.Present(o, new NodeExpectation("code", "code", "text") { Required = true, LabelId = 1070013 }, "spec §2.9");
        });
    }

    private static ConformanceCheckException Catch(Action check) => Assert.Throws<ConformanceCheckException>(check)!;

    private static Observation Observed(int status, LoginFlow flow) => new(Id, "after submitting a wrong code", new KratosResponse
    {
        Status = status,
        RequestLine = $"POST /self-service/login?flow=6b1c… -> {status}",
        Flow = flow,
        TranscriptFile = "0007-post-login.txt",
        Headers = [new("Content-Type", "application/json; charset=utf-8")],
    });

    private static LoginFlow Flow(string state, long messageId) => LoginFlow.Parse(new JsonObject
    {
        ["id"] = "6b1c2d3e-0000-4000-8000-000000000000",
        ["type"] = "api",
        ["state"] = state,
        ["requested_aal"] = "aal2",
        ["ui"] = new JsonObject
        {
            ["action"] = "http://127.0.0.1:4433/self-service/login?flow=6b1c2d3e-0000-4000-8000-000000000000",
            ["method"] = "POST",
            ["messages"] = new JsonArray(new JsonObject { ["id"] = messageId, ["text"] = "…", ["type"] = "info" }),
            ["nodes"] = new JsonArray(new JsonObject
            {
                ["type"] = "input",
                ["group"] = "code",
                ["attributes"] = new JsonObject { ["name"] = "code", ["type"] = "text", ["required"] = true, ["disabled"] = false, ["node_type"] = "input" },
                ["messages"] = new JsonArray(),
                ["meta"] = new JsonObject { ["label"] = new JsonObject { ["id"] = 1070013L, ["text"] = "Login code", ["type"] = "info" } },
            }),
        },
    });
}
