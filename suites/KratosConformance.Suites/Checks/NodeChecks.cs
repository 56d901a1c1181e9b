using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// ui.nodes, found by (group, name, type), never by position: Kratos re-sorts nodes after errors (spec §2.11, §9 note 1).
/// A UI renders exactly these nodes, so a missing node, a wrong value or a missing label breaks a real login page.
/// </summary>
public static class NodeChecks
{
    /// <summary>The node exists and carries what <paramref name="expected"/> says; returns it.</summary>
    public static UiNode Present(Observation o, NodeExpectation expected, string why)
    {
        var flow = FlowChecks.Present(o);
        // Several nodes can share a triple (one address button per code address, spec §2.6): the expected value
        // picks among them; otherwise the first stands for the triple.
        var candidates = flow.FindNodes(expected.Group, expected.Name, expected.Type);
        var node = candidates.FirstOrDefault(n => expected.Value is not null && n.Value == expected.Value) ?? candidates.FirstOrDefault();
        if (node is null)
        {
            Check.Fail(CheckFailure.About(
                o,
                "node " + expected.Triple + " missing",
                "ui.nodes",
                "contain " + expected.Triple + " (" + why + ")",
                "found " + Nodes(flow),
                expected.ToString(),
                Nodes(flow)));
        }

        var actual = Describe(node, expected);
        if ((expected.Value is not null && node.Value != expected.Value)
            || (expected.LabelId is not null && node.Label?.Id != expected.LabelId)
            || (expected.Required is not null && node.Required != expected.Required)
            || expected.LabelContext.Any(c => LabelContext(node, c.Key) != c.Value))
        {
            Check.Fail(CheckFailure.About(
                o,
                "node " + expected.Triple + " differs",
                "node " + expected.Triple,
                "be " + expected + " (" + why + ")",
                "it was " + actual,
                expected.ToString(),
                actual));
        }

        return node;
    }

    /// <summary>No node with this triple, e.g. csrf_token on an API flow (spec §2.6 row 1) .</summary>
    public static void Absent(Observation o, string group, string name, string type, string why)
    {
        var flow = FlowChecks.Present(o);
        var node = flow.FindNode(group, name, type);
        if (node is not null)
        {
            var triple = $"{group}/{name}/{type}";
            Check.Fail(CheckFailure.About(
                o,
                "unexpected node " + triple,
                "ui.nodes",
                "not contain " + triple + " (" + why + ")",
                "found " + node,
                "(no " + triple + ")",
                Nodes(flow)));
        }
    }

    /// <summary>The node carries message <paramref name="messageId"/> in its own messages (e.g. 4000002 on code, spec §2.11).</summary>
    public static void HasMessage(Observation o, string group, string name, string type, long messageId, string why)
    {
        var node = Present(o, new NodeExpectation(group, name, type), why);
        var ids = node.Messages.Select(m => m.Id).ToList();
        if (!ids.Contains(messageId))
        {
            Check.Fail(CheckFailure.About(
                o,
                "message " + messageId.ToString(CultureInfo.InvariantCulture) + " missing on node " + node.Triple,
                "the messages of node " + node.Triple,
                "contain " + MessageNames.Describe(messageId) + " (" + why + ")",
                "found " + MessageNames.Ids(ids),
                "[" + messageId.ToString(CultureInfo.InvariantCulture) + "]",
                MessageNames.Ids(ids)));
        }
    }

    private static string? LabelContext(UiNode node, string key) =>
        node.Label?.Context?[key] is { } value ? value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString() : null;

    private static string Describe(UiNode node, NodeExpectation expected)
    {
        var parts = new List<string> { node.Triple, "value=" + (node.Value ?? "(none)"), "label=" + (node.Label?.Id.ToString(CultureInfo.InvariantCulture) ?? "(none)"), "required=" + (node.Required ? "true" : "false") };
        parts.AddRange(expected.LabelContext.Keys.Select(k => $"context.{k}={LabelContext(node, k) ?? "(none)"}"));
        return string.Join(" ", parts);
    }

    private static string Nodes(LoginFlow flow) => Check.List(flow.Ui.Nodes.Select(n => n.ToString()));
}
