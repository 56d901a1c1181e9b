using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// ui.messages, asserted by id (style.md principle 2; spec §1: ids are stable across versions, texts are not). Kratos
/// replaces all messages on an error (spec §9 note 7), so "exactly these ids" is the rule, not "contains".
/// </summary>
public static class MessageChecks
{
    /// <summary>ui.messages holds exactly <paramref name="expected"/>, in this order; <paramref name="why"/> cites the spec.</summary>
    public static void ExactlyIds(Observation o, IReadOnlyList<long> expected, string why)
    {
        var actual = FlowChecks.Present(o).MessageIds;
        if (actual.SequenceEqual(expected))
        {
            return;
        }

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        var headline = missing.Count > 0
            ? "message " + string.Join(", ", missing) + " missing"
            : extra.Count > 0 ? "unexpected message " + string.Join(", ", extra) : "messages out of order";
        Check.Fail(CheckFailure.About(
            o,
            headline,
            "ui.messages",
            "be exactly " + Check.List(expected.Select(MessageNames.Describe)) + " (" + why + ")",
            "found " + MessageNames.Ids(actual),
            MessageNames.Ids(expected),
            MessageNames.Ids(actual)));
    }

    /// <summary>The message <paramref name="id"/> has type <paramref name="expectedType"/> (info | error | success): UIs style by it.</summary>
    public static void Type(Observation o, long id, string expectedType, string why)
    {
        var message = Find(o, id);
        if (message.Type != expectedType)
        {
            Check.Fail(CheckFailure.About(
                o,
                "message " + id + " has type " + message.Type,
                "message " + MessageNames.Describe(id),
                "have type " + expectedType + " (" + why + ")",
                "it had type " + Check.Quote(message.Type),
                expectedType,
                message.Type));
        }
    }

    /// <summary>
    /// The text of message <paramref name="id"/> is exactly <paramref name="expectedText"/>. Only for messages whose
    /// text is the version's contract (1010014 changed in v25.4.0, spec §1.1) or carries the reason (4000001, §1.3).
    /// </summary>
    public static void Text(Observation o, long id, string expectedText, string why)
    {
        var message = Find(o, id);
        if (message.Text != expectedText)
        {
            Check.Fail(CheckFailure.About(
                o,
                "message " + id + " has another text",
                "the text of message " + MessageNames.Describe(id),
                "be the text " + why,
                "it read " + Check.Quote(message.Text),
                Check.Quote(expectedText),
                Check.Quote(message.Text)));
        }
    }

    private static UiText Find(Observation o, long id)
    {
        var flow = FlowChecks.Present(o);
        var message = flow.Ui.Messages.FirstOrDefault(m => m.Id == id);
        if (message is null)
        {
            Check.Fail(CheckFailure.About(
                o,
                "message " + id + " missing",
                "ui.messages",
                "contain " + MessageNames.Describe(id),
                "found " + MessageNames.Ids(flow.MessageIds),
                "[" + id + "]",
                MessageNames.Ids(flow.MessageIds)));
        }

        return message;
    }
}
