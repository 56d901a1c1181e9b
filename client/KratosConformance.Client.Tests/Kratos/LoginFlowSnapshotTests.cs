using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The flow model against Kratos's own snapshot files (selfservice/strategy/code/.snapshots), so parsing
/// follows the real JSON shape, not our idea of it.</summary>
public sealed class LoginFlowSnapshotTests
{
    private static LoginFlow Snapshot(string version, string client, string @case)
    {
        var file = Path.Combine(SharedReference.SnapshotsDirectory(), version, $"TestLoginCodeStrategy-test={client}_client-suite=mfa-case={@case}.json");
        if (!File.Exists(file))
        {
            Assert.Ignore($"Snapshot {file} is not available.");
        }

        return LoginFlow.Parse((JsonObject)JsonNode.Parse(File.ReadAllText(file))!);
    }

    [Test]
    public void Parses_the_v26_2_0_fast_login_sent_email_flow()
    {
        var flow = Snapshot("v26.2.0", "Browser", "verify_initial_payload_with_fast_login");

        flow.State.Should().Be("sent_email");
        flow.RequestedAal.Should().Be("aal2");
        flow.Type.Should().Be("browser");
        flow.Active.Should().Be("code");
        flow.Refresh.Should().BeFalse();
        flow.MessageIds.Should().Equal(1010014);
        flow.Ui.Method.Should().Be("POST");
        flow.Ui.Nodes.Select(FlowEvidenceBuilder.Node).Should().Equal(
            "code/identifier/hidden:1010023",
            "code/method/hidden",
            "code/code/text:1070013",
            "code/method/submit:1070009",
            "code/resend/submit:1070008",
            "default/csrf_token/hidden");
    }

    [Test]
    public void Finds_nodes_by_group_name_and_type_never_by_index()
    {
        var flow = Snapshot("v26.2.0", "Browser", "verify_initial_payload_with_fast_login");

        var code = flow.FindNode("code", "code", "text");
        code.Should().NotBeNull();
        code!.Required.Should().BeTrue();
        code.Label!.Id.Should().Be(1070013);
        flow.FindNode("code", "method", "submit")!.Value.Should().Be("code");
        flow.FindNode("code", "identifier", "hidden")!.Label!.Context!["channel"]!.GetValue<string>().Should().Be("email");
        flow.FindNodes("code", "method").Select(n => n.InputType).Should().Equal("hidden", "submit");
        flow.FindNode("code", "code", "hidden").Should().BeNull();
        flow.FindNode("default", "csrf_token", "hidden").Should().NotBeNull();
    }

    [Test]
    public void Native_flows_have_no_csrf_token()
    {
        var flow = Snapshot("v26.2.0", "Native", "verify_initial_payload_with_fast_login");

        flow.FindNode("default", "csrf_token", "hidden").Should().BeNull();
        flow.CsrfToken.Should().BeNull();
    }

    [Test]
    public void Parses_the_choose_method_flow_with_its_address_button()
    {
        var flow = Snapshot("v26.2.0", "SPA", "verify_initial_payload_without_fast_login");

        flow.State.Should().Be("choose_method");
        flow.MessageIds.Should().Equal(1010004);
        var address = flow.FindNode("code", "address", "submit");
        address.Should().NotBeNull();
        address!.Label!.Id.Should().Be(1010023);
    }

    [Test]
    public void Every_snapshot_of_every_version_parses_as_a_login_flow()
    {
        var files = Directory.GetFiles(SharedReference.SnapshotsDirectory(), "*.json", SearchOption.AllDirectories);

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var json = JsonNode.Parse(File.ReadAllText(file));
            var flow = LoginFlow.TryParse(json);
            flow.Should().NotBeNull(because: $"{Path.GetFileName(file)} is a login flow");
            flow!.RequestedAal.Should().Be("aal2", because: Path.GetFileName(file));
            flow.Ui.Nodes.Should().NotBeEmpty(because: Path.GetFileName(file));
        }
    }

    [Test]
    public void Describes_a_flow_for_failure_messages()
    {
        var flow = Snapshot("v26.2.0", "Browser", "verify_initial_payload_with_fast_login") with { Id = "6b1c5d0e-0000-4000-8000-000000000000" };

        FlowDescription.Describe(flow).Should().Be("state=sent_email requested_aal=aal2 active=code messages=[1010014] (flow 6b1c…)");
    }
}
