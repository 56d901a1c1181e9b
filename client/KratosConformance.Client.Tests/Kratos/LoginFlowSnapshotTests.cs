using System.Text.Json.Nodes;
using FluentAssertions;
using FluentAssertions.Execution;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>The flow model against Kratos's own snapshot files (fixtures/reference/kratos-snapshots), so parsing
/// follows the real JSON shape, not our idea of it.</summary>
public sealed class LoginFlowSnapshotTests
{
    private static LoginFlow Snapshot(string version, string client, string @case)
    {
        var file = KratosReference.Snapshot(version, "code", $"TestLoginCodeStrategy-test={client}_client-suite=mfa-case={@case}.json");
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

    /// <summary>
    /// Every snapshot that is a login flow, of every tag and strategy (code's aal2 flows, WebAuthn's passwordless aal1
    /// flows), reads back with the values the JSON holds. The other snapshots are node lists or settings forms of the
    /// factors and belong to their own tests; which files are flows is decided by their content, not their names.
    /// </summary>
    [Test]
    public void Every_login_flow_snapshot_of_every_version_parses_as_a_login_flow()
    {
        var all = Directory.GetFiles(KratosReference.SnapshotsDirectory, "*.json", SearchOption.AllDirectories);
        var flows = all.Select(f => (File: Path.GetRelativePath(KratosReference.SnapshotsDirectory, f), Json: JsonNode.Parse(File.ReadAllText(f))))
            .Where(x => IsLoginFlow(x.Json))
            .ToList();

        // Kratos's code strategy snapshots only whole flows: if the content test missed them, it would prove nothing.
        var codeSnapshots = all.Where(f => f.Contains($"{Path.DirectorySeparatorChar}code{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(KratosReference.SnapshotsDirectory, f));
        flows.Select(x => x.File).Should().Contain(codeSnapshots).And.HaveCountGreaterThan(codeSnapshots.Count(), "WebAuthn's passwordless login snapshots are flows too");
        using (new AssertionScope())
        {
            foreach (var (file, json) in flows)
            {
                var raw = json!.AsObject();
                var flow = LoginFlow.TryParse(raw);
                flow.Should().NotBeNull(because: $"{file} is a login flow");
                if (flow is null)
                {
                    continue;
                }

                flow.Type.Should().Be((string?)raw["type"], because: file);
                flow.State.Should().Be((string?)raw["state"], because: file);
                flow.RequestedAal.Should().Be((string?)raw["requested_aal"], because: file);
                flow.Refresh.Should().Be((bool)raw["refresh"]!, because: file);
                flow.Active.Should().Be((string?)raw["active"], because: file);
                flow.Ui.Messages.Select(m => m.Text).Should().Equal(raw["ui"]!["messages"]!.AsArray().Select(m => (string?)m!["text"]), because: file);
                flow.Ui.Nodes.Select(n => (n.Type, n.Group, Name: n.Type == "input" ? n.Name : null))
                    .Should().Equal(
                        raw["ui"]!["nodes"]!.AsArray().Select(n => ((string)n!["type"]!, (string)n["group"]!, Name: (string?)n["type"] == "input" ? (string?)n["attributes"]!["name"] : null)),
                        because: file);
            }
        }
    }

    /// <summary>A login flow as Kratos serialises it (selfservice/flow/login/flow.go): type, state, requested_aal, refresh, ui.nodes.</summary>
    private static bool IsLoginFlow(JsonNode? json) =>
        json is JsonObject o && o["type"] is JsonValue && o["state"] is JsonValue && o["requested_aal"] is JsonValue
        && o["refresh"] is JsonValue && o["ui"]?["nodes"] is JsonArray;

    [Test]
    public void Describes_a_flow_for_failure_messages()
    {
        var flow = Snapshot("v26.2.0", "Browser", "verify_initial_payload_with_fast_login") with { Id = "6b1c5d0e-0000-4000-8000-000000000000" };

        FlowDescription.Describe(flow).Should().Be("state=sent_email requested_aal=aal2 active=code messages=[1010014] (flow 6b1c…)");
    }
}
