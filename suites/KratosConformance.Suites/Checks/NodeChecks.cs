using System.Globalization;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// ui.nodes, found by (group, name, type), never by position: Kratos re-sorts nodes after errors (spec §2.11, §9 note 1).
/// A UI renders exactly these nodes, so a missing node, a wrong value, a missing label or a label with another text
/// breaks a real login page.
/// </summary>
public static class NodeChecks
{
    public static readonly CheckDefinition Exists = new("node.present", "the node (group, name, type) of the spec's table is in ui.nodes", "uiContainer.nodes", "uiNode.attributes", "uiNode.group", "uiNodeInputAttributes.name", "uiNodeInputAttributes.type");
    public static readonly CheckDefinition Attributes = new("node.attributes", "the node carries the row's value, required flag, label id and label context, is an enabled input, and has the autocomplete the version sends", "uiNode.type", "uiNode.meta", "uiNodeMeta.label", "uiNodeInputAttributes.value", "uiNodeInputAttributes.required", "uiNodeInputAttributes.disabled", "uiNodeInputAttributes.node_type", "uiNodeInputAttributes.autocomplete", "uiText.context");
    public static readonly CheckDefinition Excluded = new("node.absent", "a node the spec excludes (csrf_token on a code-only API flow, the code address buttons where code MFA is off) is not there", "uiContainer.nodes");
    public static readonly CheckDefinition OrderRule = new("node.order", "ui.nodes come in the order the spec's tables give: csrf first on choose_method, the sent_email form as built, csrf and identifier first after an error", "uiContainer.nodes");
    public static readonly CheckDefinition SortedRule = new("node.sorted", "a new login flow's nodes are in sort.go's order: groups oidc, default, webauthn, passkey, code, password, totp, lookup_secret (default and password may interleave); inside a group csrf_token, identifier, password first and method last", "uiContainer.nodes", "uiNode.group", "uiNodeInputAttributes.name");
    public static readonly CheckDefinition AddressOrderRule = new("node.address_order", "the address buttons of choose_method come in ascending order of their address, as Kratos stores the code credential's addresses sorted", "uiContainer.nodes", "uiNodeInputAttributes.value");
    public static readonly CheckDefinition Message = new("node.message", "the node carries the field error the spec puts on it", "uiNode.messages");
    public static readonly CheckDefinition NoMessagesRule = new("node.messages.none", "no node carries a message: an error replaces every earlier field error (login/error.go ResetMessages)", "uiNode.messages");
    public static readonly CheckDefinition OnceRule = new("node.once", "a node Kratos upserts (the hidden identifier an error writes, the CSRF node) is in ui.nodes once, whatever was there before", "uiContainer.nodes", "uiNodeInputAttributes.name");
    public static readonly CheckDefinition NoValueRule = new("node.value.absent", "the node does not echo what was submitted into it (the password, password/login.go ResetNodes)", "uiNodeInputAttributes.value");

    /// <summary>The node exists and carries what <paramref name="expected"/> says, its label the version's text; returns it.</summary>
    public static UiNode Present(Observation o, NodeExpectation expected, string why) => Find(o, expected, why, checkLabelText: true);

    /// <summary>No node with this triple, e.g. csrf_token on an API flow (spec §2.6 row 1).</summary>
    public static void Absent(Observation o, string group, string name, string type, string why)
    {
        var flow = FlowChecks.Flow(o);
        var node = flow.FindNode(group, name, type);
        var triple = $"{group}/{name}/{type}";
        Check.Verify(o, Excluded, node is null, new FailureText
        {
            Headline = "unexpected node " + triple,
            Subject = "ui.nodes",
            Expectation = "not contain " + triple,
            Why = why,
            Actual = "found " + node,
            Expected = "(no " + triple + ")",
            Observed = Nodes(flow),
        });
    }

    /// <summary>
    /// The node carries message <paramref name="messageId"/> in its own messages (e.g. 4000002 on code, spec §2.11);
    /// with <paramref name="expectedText"/>, that message reads it: for texts built from the message's own context
    /// (4000002's property), which the catalogue can only check against that context, not against the field it names.
    /// With <paramref name="only"/> the node carries this message and no other, once: Kratos resets node messages before
    /// it writes an error (ResetMessages, spec §2.11), so a second error must not pile onto the first.
    /// </summary>
    public static void HasMessage(Observation o, string group, string name, string type, long messageId, string why, string? expectedText = null, bool only = false)
    {
        var node = Find(o, new NodeExpectation(group, name, type), why, checkLabelText: false);
        var ids = node.Messages.Select(m => m.Id).ToList();
        Check.Verify(o, Message, only ? ids.SequenceEqual([messageId]) : ids.Contains(messageId), new FailureText
        {
            Headline = "message " + messageId.ToString(CultureInfo.InvariantCulture) + (only && ids.Contains(messageId) ? " not alone" : " missing") + " on node " + node.Triple,
            Subject = "the messages of node " + node.Triple,
            Expectation = (only ? "be exactly " : "contain ") + MessageNames.Describe(messageId),
            Why = why,
            Actual = "found " + MessageNames.Ids(ids),
            Expected = "[" + messageId.ToString(CultureInfo.InvariantCulture) + "]",
            Observed = MessageNames.Ids(ids),
        });
        if (expectedText is not null && node.Messages.FirstOrDefault(m => m.Id == messageId) is { } message)
        {
            Check.Verify(o, MessageChecks.TextIs, message.Text == expectedText, new FailureText
            {
                Headline = "message " + messageId.ToString(CultureInfo.InvariantCulture) + " on node " + node.Triple + " has another text",
                Subject = "the text of message " + MessageNames.Describe(messageId) + " on node " + node.Triple,
                Expectation = "be " + Check.Quote(expectedText),
                Why = why,
                Actual = "it read " + Check.Quote(message.Text),
                Expected = Check.Quote(expectedText),
                Observed = Check.Quote(message.Text),
            });
        }

        MessageChecks.AsCatalogued(o, node.Messages, "the messages of node " + node.Triple);
    }

    /// <summary>
    /// No node carries a message: Kratos clears every field error before it writes a new error (login/error.go
    /// <c>WriteFlowError</c>: <c>ResetMessages</c>), so an error that is not about a field leaves the nodes bare.
    /// </summary>
    public static void NoMessages(Observation o, string why) =>
        NoneCarried(o, FlowChecks.Flow(o).Ui.Nodes, "an earlier field error is still on the form", "the messages of ui.nodes", why);

    /// <summary>This node carries no message (an earlier error about it was cleared, login/error.go <c>ResetMessages</c>).</summary>
    public static void HasNoMessage(Observation o, string group, string name, string type, string why)
    {
        var node = Find(o, new NodeExpectation(group, name, type), why, checkLabelText: false);
        NoneCarried(o, [node], "a stale message on node " + node.Triple, "the messages of node " + node.Triple, why);
    }

    private static void NoneCarried(Observation o, IEnumerable<UiNode> nodes, string headline, string subject, string why)
    {
        var carrying = nodes.Where(n => n.Messages.Count > 0).Select(n => n.Triple + " " + MessageNames.Ids(n.Messages.Select(m => m.Id))).ToList();
        Check.Verify(o, NoMessagesRule, carrying.Count == 0, new FailureText
        {
            Headline = headline,
            Subject = subject,
            Expectation = "carry no message",
            Why = why,
            Actual = "found " + Check.List(carrying),
            Expected = "(no node messages)",
            Observed = Check.List(carrying),
        });
    }

    /// <summary>
    /// Exactly one node of <paramref name="group"/> named <paramref name="name"/>, of any type: the code strategy's error
    /// path upserts its hidden identifier node (ui/node/node.go <c>Nodes.Upsert</c> replaces the node with the same id),
    /// so an error after an earlier one does not add a second.
    /// </summary>
    public static void Once(Observation o, string group, string name, string why)
    {
        var found = FlowChecks.Flow(o).Ui.Nodes.Where(n => n.Group == group && n.Name == name).Select(n => n.Triple + (n.Value is null ? string.Empty : "=" + Check.Quote(n.Value))).ToList();
        Check.Verify(o, OnceRule, found.Count == 1, new FailureText
        {
            Headline = found.Count + " nodes " + group + "/" + name,
            Subject = "the nodes " + group + "/" + name + " of ui.nodes",
            Expectation = "be one node",
            Why = why,
            Actual = "found " + Check.List(found),
            Expected = "one " + group + "/" + name,
            Observed = Check.List(found),
        });
    }

    /// <summary>The node has no value, or an empty one: the password input never echoes the password (password/login.go <c>handleLoginError</c>).</summary>
    public static void NoValue(Observation o, string group, string name, string type, string why)
    {
        var node = Find(o, new NodeExpectation(group, name, type), why, checkLabelText: false);
        Check.Verify(o, NoValueRule, string.IsNullOrEmpty(node.Value), new FailureText
        {
            Headline = "node " + node.Triple + " echoes a value",
            Subject = "the value of node " + node.Triple,
            Expectation = "be absent or empty",
            Why = why,
            Actual = "it carried a value of " + (node.Value ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture) + " characters",
            Expected = "(no value)",
            Observed = "a value of " + (node.Value ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture) + " characters",
        });
    }

    /// <summary>ui.nodes, as (group/name/type) triples, are exactly <paramref name="expected"/> in this order (spec §2.6, §2.9, §2.11).</summary>
    public static void Order(Observation o, IReadOnlyList<string> expected, string why)
    {
        var actual = FlowChecks.Flow(o).Ui.Nodes.Select(n => n.Triple).ToList();
        Check.Verify(o, OrderRule, actual.SequenceEqual(expected, StringComparer.Ordinal), new FailureText
        {
            Headline = "nodes in another order",
            Subject = "the order of ui.nodes",
            Expectation = "be " + Check.List(expected),
            Why = why,
            Actual = "it was " + Check.List(actual),
            Expected = Check.List(expected),
            Observed = Check.List(actual),
        });
    }

    /// <summary>
    /// The code address buttons are in ascending ordinal order of their address (spec §2.6: the strategy sorts them;
    /// identity/extension_credentials.go stores the addresses sorted by address, then channel, docs/kratos-facts.md).
    /// </summary>
    public static void AddressOrder(Observation o, string why)
    {
        var actual = FlowChecks.Flow(o).FindNodes("code", "address", "submit").Select(n => n.Value ?? string.Empty).ToList();
        var sorted = actual.Order(StringComparer.Ordinal).ToList();
        Check.Verify(o, AddressOrderRule, actual.SequenceEqual(sorted, StringComparer.Ordinal), new FailureText
        {
            Headline = "address buttons out of order",
            Subject = "the values of the code address buttons",
            Expectation = "be in ascending order " + Check.List(sorted),
            Why = why,
            Actual = "they were " + Check.List(actual),
            Expected = Check.List(sorted),
            Observed = Check.List(actual),
        });
    }

    private static UiNode Find(Observation o, NodeExpectation expected, string why, bool checkLabelText)
    {
        var flow = FlowChecks.Flow(o);
        // Several nodes can share a triple (one address button per code address, spec §2.6): the expected value
        // picks among them; otherwise the first stands for the triple.
        var candidates = flow.FindNodes(expected.Group, expected.Name, expected.Type);
        var node = candidates.FirstOrDefault(n => expected.Value is not null && n.Value == expected.Value) ?? candidates.FirstOrDefault();
        var presence = new FailureText
        {
            Headline = "node " + expected.Triple + " missing",
            Subject = "ui.nodes",
            Expectation = "contain " + expected.Triple,
            Why = why,
            Actual = "found " + Nodes(flow),
            Expected = expected.ToString(),
            Observed = node is null ? Nodes(flow) : node.ToString(),
        };
        if (node is null)
        {
            Check.Require(o, Exists, presence);
        }

        Check.Passed(o, Exists, presence);
        var actual = Describe(node, expected);
        var autocomplete = AutocompleteOf(node);
        var matches = (expected.Value is null || node.Value == expected.Value)
            && (expected.LabelId is null || node.Label?.Id == expected.LabelId)
            && (expected.Required is null || node.Required == expected.Required)
            && expected.LabelContext.All(c => LabelContext(node, c.Key) == c.Value)
            && (expected.Autocomplete is null || (autocomplete ?? string.Empty) == expected.Autocomplete)
            && node.Type == "input"
            && Attribute(node, "node_type") == "input"
            && Attribute(node, "disabled") == "false";
        Check.Verify(o, Attributes, matches, new FailureText
        {
            Headline = "node " + expected.Triple + " differs",
            Subject = "node " + expected.Triple,
            Expectation = "be " + expected + " (an enabled input node)",
            Why = why,
            Actual = "it was " + actual,
            Expected = expected.ToString(),
            Observed = actual,
        });
        if (checkLabelText && node.Label is { } label)
        {
            MessageChecks.AsCatalogued(o, [label], "the label of node " + node.Triple);
        }

        return node;
    }

    private static string? LabelContext(UiNode node, string key) =>
        node.Label?.Context?[key] is { } value ? value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString() : null;

    private static string? Attribute(UiNode node, string name) =>
        node.Raw["attributes"]?[name] is { } value ? value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString() : null;

    private static string? AutocompleteOf(UiNode node) => Attribute(node, "autocomplete");

    private static string Describe(UiNode node, NodeExpectation expected)
    {
        var parts = new List<string> { node.Triple, "value=" + (node.Value ?? "(none)"), "label=" + (node.Label?.Id.ToString(CultureInfo.InvariantCulture) ?? "(none)"), "required=" + (node.Required ? "true" : "false") };
        parts.AddRange(expected.LabelContext.Keys.Select(k => $"context.{k}={LabelContext(node, k) ?? "(none)"}"));
        if (expected.Autocomplete is not null)
        {
            parts.Add("autocomplete=" + (AutocompleteOf(node) ?? "(none)"));
        }

        if (node.Type != "input" || Attribute(node, "node_type") != "input" || Attribute(node, "disabled") != "false")
        {
            parts.Add($"type={node.Type} node_type={Attribute(node, "node_type") ?? "(none)"} disabled={Attribute(node, "disabled") ?? "(none)"}");
        }

        return string.Join(" ", parts);
    }

    private static string Nodes(LoginFlow flow) => Check.List(flow.Ui.Nodes.Select(n => n.ToString()));

    private static readonly string[] SortGroups = ["oidc", "default", "webauthn", "passkey", "code", "password", "totp", "lookup_secret"];
    private static readonly string[] SortFirst = ["csrf_token", "identifier", "password"];

    /// <summary>
    /// A login flow as its handler made it (state choose_method) is sorted by selfservice/flow/login/sort.go (the same at
    /// v1.3.1–v26.2.0; ui/node/node.go SortBySchema; factors spec §2.5): first by group in that list, then, inside a
    /// group (default and password count as one there), by the first name prefix of csrf_token, identifier, password,
    /// every other name after them and <c>method</c> last. Only these orderings are checked: ties (broken by the node
    /// value) and groups outside the list are left alone.
    /// </summary>
    public static void Sorted(Observation o, LoginFlow flow)
    {
        var nodes = flow.Ui.Nodes;
        string? problem = null;
        for (var i = 0; i < nodes.Count && problem is null; i++)
        {
            for (var j = i + 1; j < nodes.Count && problem is null; j++)
            {
                var (a, b) = (nodes[i], nodes[j]);
                int ga = Array.IndexOf(SortGroups, a.Group), gb = Array.IndexOf(SortGroups, b.Group);
                var oneClass = a.Group == b.Group || (a.Group is "default" or "password" && b.Group is "default" or "password");
                if (!oneClass && ga >= 0 && gb >= 0 && ga > gb)
                {
                    problem = $"{a.Triple} (group {a.Group}) comes before {b.Triple} (group {b.Group})";
                }
                else if (oneClass && KeyPosition(a, nodes.Count) > KeyPosition(b, nodes.Count))
                {
                    problem = $"{a.Triple} comes before {b.Triple}";
                }
            }
        }

        Check.Verify(o, SortedRule, problem is null, new FailureText
        {
            Headline = "nodes of the new flow out of Kratos's order",
            Subject = "ui.nodes of the new login flow",
            Expectation = "be sorted by group (" + string.Join(", ", SortGroups) + "), then csrf_token, identifier, password first and method last inside a group",
            Why = "the login handler sorts a new flow's nodes (selfservice/flow/login/sort.go, ui/node/node.go SortBySchema), factors spec §2.5",
            Actual = problem ?? "sorted",
            Expected = "sorted",
            Observed = string.Join(", ", nodes.Select(n => n.Triple)),
        });
    }

    private static int KeyPosition(UiNode node, int count)
    {
        if (node.Name == "method")
        {
            return count + SortFirst.Length + 1;
        }

        var i = Array.FindIndex(SortFirst, prefix => node.Name.StartsWith(prefix, StringComparison.Ordinal));
        return i < 0 ? SortFirst.Length : i;
    }
}
