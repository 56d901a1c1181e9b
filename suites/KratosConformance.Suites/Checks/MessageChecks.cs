using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// ui.messages, identified by id (style.md principle 2; spec §1: ids are stable across versions, texts are not).
/// Kratos replaces all messages on an error (spec §9 note 7), so "exactly these ids" is the rule, not "contains";
/// each of them must then read the version's text and carry its type (spec §1.1–§1.4), since that is what a UI shows.
/// </summary>
public static class MessageChecks
{
    public static readonly CheckDefinition Ids = new("message.ids", "ui.messages holds exactly the message ids the spec names for the step, in order; without any, the key is absent (omitempty)", "uiContainer.messages", "uiText.id");
    public static readonly CheckDefinition TextIs = new("message.text", "each named message reads the text of the version under test (spec §1), built from its context where the text has a placeholder", "uiText.text", "uiText.context");
    public static readonly CheckDefinition TypeIs = new("message.type", "each message has the type UIs style it by: info or error", "uiText.type");
    public static readonly CheckDefinition Present = new("message.present", "the message the check names is in ui.messages", "uiContainer.messages");

    /// <summary>
    /// ui.messages holds exactly <paramref name="expected"/>, in this order; then each of them reads the version's text
    /// and type. <paramref name="why"/> cites the spec.
    /// </summary>
    public static void ExactlyIds(Observation o, IReadOnlyList<long> expected, string why)
    {
        var flow = FlowChecks.Flow(o);
        var actual = flow.MessageIds;
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        // ui/container/container.go: Messages `json:"messages,omitempty"`: a container without messages has no key.
        var emptyKey = actual.Count == 0 && flow.Raw["ui"] is System.Text.Json.Nodes.JsonObject ui && ui.ContainsKey("messages");
        var headline = missing.Count > 0
            ? "message " + string.Join(", ", missing) + " missing"
            : extra.Count > 0 ? "unexpected message " + string.Join(", ", extra)
            : emptyKey ? "ui.messages present without messages" : "messages out of order";
        var same = actual.SequenceEqual(expected);
        Check.Verify(o, Ids, same && !emptyKey, new FailureText
        {
            Headline = headline,
            Subject = "ui.messages",
            Expectation = "be exactly " + Check.List(expected.Select(MessageNames.Describe)) + (expected.Count == 0 ? " (no messages key: omitempty)" : string.Empty),
            Why = why + (emptyKey ? "; ui/container/container.go omits an empty messages list (omitempty)" : string.Empty),
            Actual = "found " + (emptyKey ? "\"messages\": " + flow.Raw["ui"]!["messages"]?.ToJsonString() : MessageNames.Ids(actual)),
            Expected = MessageNames.Ids(expected),
            Observed = emptyKey ? "ui.messages " + (flow.Raw["ui"]!["messages"]?.ToJsonString() ?? "null") : MessageNames.Ids(actual),
        });
        if (same)
        {
            AsCatalogued(o, FlowChecks.Flow(o).Ui.Messages, "ui.messages");
        }
    }

    /// <summary>
    /// Every message in <paramref name="messages"/> (ui.messages, a node's messages or labels) reads the version's text
    /// and has its type (spec §1.1–§1.4). Needs the version: without expectations (self-tests) nothing is checked.
    /// </summary>
    public static void AsCatalogued(Observation o, IEnumerable<UiText> messages, string where)
    {
        if (o.Expect is not { } expect)
        {
            return;
        }

        foreach (var message in messages.Where(m => MessageTexts.Knows(m.Id)))
        {
            Text(o, message, expect, where);
            Type(o, message.Id, message, MessageTexts.TypeOf(message.Id), "1xxxxxx ids are info, 4xxxxxx errors, spec §1 (text/id.go)", where);
        }
    }

    /// <summary>The message <paramref name="id"/> has type <paramref name="expectedType"/> (info | error | success): UIs style by it.</summary>
    public static void Type(Observation o, long id, string expectedType, string why) =>
        Type(o, id, Find(o, id), expectedType, why, "ui.messages");

    /// <summary>
    /// The text of message <paramref name="id"/> is exactly <paramref name="expectedText"/>: for texts that carry a
    /// reason the catalogue can not know from the context (4000001's reasons, spec §1.3).
    /// </summary>
    public static void Text(Observation o, long id, string expectedText, string why)
    {
        var message = Find(o, id);
        Check.Verify(o, TextIs, message.Text == expectedText, new FailureText
        {
            Headline = "message " + id + " has another text",
            Subject = "the text of message " + MessageNames.Describe(id),
            Expectation = "be the text " + why,
            Actual = "it read " + Check.Quote(message.Text),
            Expected = Check.Quote(expectedText),
            Observed = Check.Quote(message.Text),
        });
    }

    private static void Text(Observation o, UiText message, VersionExpectations expect, string where) =>
        Check.Verify(o, TextIs, MessageTexts.Matches(message.Id, expect.Version, message.Context, message.Text), new FailureText
        {
            Headline = "message " + message.Id + " has another text",
            Subject = "the text of " + MessageNames.Describe(message.Id) + " in " + where,
            Expectation = "be " + MessageTexts.Describe(message.Id, expect.Version, message.Context),
            Why = $"its text in Kratos {expect.Version}, spec §1",
            Actual = "it read " + Check.Quote(message.Text),
            Expected = MessageTexts.Describe(message.Id, expect.Version, message.Context),
            Observed = Check.Quote(message.Text),
        });

    private static void Type(Observation o, long id, UiText message, string expectedType, string why, string where) =>
        Check.Verify(o, TypeIs, message.Type == expectedType, new FailureText
        {
            Headline = "message " + id + " has type " + message.Type,
            Subject = "message " + MessageNames.Describe(id) + (where == "ui.messages" ? string.Empty : " in " + where),
            Expectation = "have type " + expectedType,
            Why = why,
            Actual = "it had type " + Check.Quote(message.Type),
            Expected = expectedType,
            Observed = message.Type,
        });

    private static UiText Find(Observation o, long id)
    {
        var flow = FlowChecks.Flow(o);
        var message = flow.Ui.Messages.FirstOrDefault(m => m.Id == id);
        if (message is null)
        {
            Check.Require(o, Present, new FailureText
            {
                Headline = "message " + id + " missing",
                Subject = "ui.messages",
                Expectation = "contain " + MessageNames.Describe(id),
                Actual = "found " + MessageNames.Ids(flow.MessageIds),
                Expected = "[" + id + "]",
                Observed = MessageNames.Ids(flow.MessageIds),
            });
        }

        return message;
    }
}
