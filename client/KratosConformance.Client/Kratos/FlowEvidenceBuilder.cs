using System.Globalization;
using KratosConformance.Client.Evidence;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Reduces a login flow to the fields <c>kc compare</c> diffs between runs and targets: state, requested AAL,
/// message ids and nodes as "group/name/type[:label][!msg,msg]" in the order Kratos sent them (the order is evidence
/// too, even though checks never depend on it).
/// </summary>
public static class FlowEvidenceBuilder
{
    public static FlowEvidence From(LoginFlow flow, SecretMasker masker) => new()
    {
        Id = flow.Id,
        State = flow.State,
        RequestedAal = flow.RequestedAal,
        Refresh = flow.Refresh,
        MessageIds = flow.MessageIds,
        MessageTexts = flow.Ui.Messages.Select(m => m.Text).ToList(),
        Nodes = flow.Ui.Nodes.Select(Node).ToList(),
        Json = masker.Mask(flow.Raw.ToJsonString()),
    };

    /// <summary>"code/code/text:1070013!4000002" = triple, label id, node message ids.</summary>
    public static string Node(UiNode node)
    {
        var label = node.Label is null ? string.Empty : ":" + node.Label.Id.ToString(CultureInfo.InvariantCulture);
        var messages = node.Messages.Count == 0
            ? string.Empty
            : "!" + string.Join(",", node.Messages.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
        return node.Triple + label + messages;
    }
}
