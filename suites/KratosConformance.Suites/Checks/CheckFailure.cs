using System.Text;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// One failed check, rendered in the house format (style.md principle 3; FluentAssertions/NUnit grammar):
/// <code>
/// login.code-mfa.wrong-code.spa — message 4010008 missing
/// Expected ui.messages to contain 4010008 (login code invalid) after submitting a wrong code, but found [1010014].
///   Expected:  [4010008]
///   But was:   [1010014]
///   Flow:      state=sent_email requested_aal=aal2 messages=[1010014] (flow 6b1c…)
///   Request:   POST /self-service/login?flow=6b1c… -> 400   (transcript: 0007-post-login.txt)
/// </code>
/// </summary>
public sealed record CheckFailure
{
    public required string TestId { get; init; }
    /// <summary>Short title after the id: "message 4010008 missing".</summary>
    public required string Headline { get; init; }
    /// <summary>"ui.messages".</summary>
    public required string Subject { get; init; }
    /// <summary>"contain 4010008 (login code invalid)".</summary>
    public required string Expectation { get; init; }
    /// <summary>"after submitting a wrong code".</summary>
    public required string Situation { get; init; }
    /// <summary>"found [1010014]".</summary>
    public required string Actual { get; init; }
    public required string ExpectedValue { get; init; }
    public required string ActualValue { get; init; }
    public string? Flow { get; init; }
    public string? Request { get; init; }
    public string? Transcript { get; init; }
    /// <summary>What to do about it, when there is something useful to say.</summary>
    public string? Hint { get; init; }

    /// <summary>The id of the check that failed (<see cref="CheckDefinition.Id"/>), shown on the Check line.</summary>
    public string? CheckId { get; init; }

    /// <summary>A failure of <paramref name="definition"/> about <paramref name="observation"/>: flow and request lines come from its response.</summary>
    public static CheckFailure About(Observation observation, CheckDefinition definition, FailureText text)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(text);
        return new CheckFailure
        {
            TestId = observation.TestId,
            Headline = text.Headline,
            Subject = text.Subject,
            Expectation = text.ExpectationWithWhy,
            Situation = observation.Situation,
            Actual = text.Actual,
            ExpectedValue = text.Expected,
            ActualValue = text.Observed,
            Hint = text.Hint,
            CheckId = definition.Id,
            Flow = observation.Flow is { } flow ? FlowDescription.Describe(flow) + FetchedBy(observation.Response) : null,
            Request = string.IsNullOrEmpty(observation.Response.RequestLine) ? null : observation.Response.RequestLine,
            Transcript = observation.Response.TranscriptFile,
        };
    }

    // A browser's flow is fetched after the redirect: say by which request, so the flow line is traceable too.
    private static string FetchedBy(KratosResponse response) =>
        response.FollowUp is { } followUp ? " (" + followUp.RequestLine + ")" : string.Empty;

    public string Render()
    {
        var text = new StringBuilder()
            .Append(TestId).Append(" — ").Append(Headline).Append('\n')
            .Append("Expected ").Append(Subject).Append(" to ").Append(Expectation).Append(' ').Append(Situation)
            .Append(", but ").Append(Actual).Append(".\n")
            .Append("  Expected:  ").Append(ExpectedValue).Append('\n')
            .Append("  But was:   ").Append(ActualValue);
        if (Flow is not null)
        {
            text.Append("\n  Flow:      ").Append(Flow);
        }

        if (Request is not null)
        {
            text.Append("\n  Request:   ").Append(Request);
            if (Transcript is not null)
            {
                text.Append("   (transcript: ").Append(Transcript).Append(')');
            }
        }

        if (Hint is not null)
        {
            text.Append("\n  Hint:      ").Append(Hint);
        }

        if (CheckId is not null)
        {
            text.Append("\n  Check:     ").Append(CheckId);
        }

        return text.ToString();
    }

    public override string ToString() => Render();
}
