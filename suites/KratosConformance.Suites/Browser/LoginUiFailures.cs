using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The browser suite's failures in the house format: what the page was expected to show or do, what it did, the page
/// and its messages, the last browser action (with the element and how it was looked for) and where the selectors
/// came from, thrown as the <c>browser.page</c> check.
/// </summary>
internal sealed class LoginUiFailures(IPage page, string testId, UiSelectors selectors, ShownMessages messages, CheckDefinition check)
{
    private const long NoStrategyFound = 4010002;

    // A browser posts every field of the form: in sent_email that is method=code twice (the hidden node and the
    // Continue button, spec §2.9), as with every Ory UI. Kratos's form decoder (ory/x decoderx) reads the first value of
    // a string field; a server that joins or rejects repeated fields finds no strategy.
    private const string RepeatedFieldHint =
        "4010002 after a real form post: the form repeats method=code (hidden node + Continue button, spec §2.9); Kratos reads the first value of a repeated form field";

    /// <summary>The last thing the browser was made to do, for the failure's Request line.</summary>
    public string? LastAction { get; set; }

    public async Task ThrowAsync(string headline, string subject, string expectation, string situation, string actual, string expectedValue, string actualValue, string? hint = null)
    {
        var shown = await messages.ShownOnFailureAsync();
        if (hint is null && shown.Contains(NoStrategyFound))
        {
            hint = RepeatedFieldHint;
        }

        throw new ConformanceCheckException(new CheckFailure
        {
            CheckId = check.Id,
            TestId = testId,
            Headline = headline,
            Subject = subject,
            Expectation = expectation,
            Situation = situation,
            Actual = actual,
            ExpectedValue = expectedValue,
            ActualValue = actualValue,
            Flow = $"page {FlowDescription.ShortenIds(page.Url)} messages={MessageNames.Ids(shown)} (selectors: {selectors.Source})",
            Request = LastAction is null ? null : $"browser: {LastAction}",
            Hint = hint,
        });
    }

    /// <summary>The id of the self-service error a page shows (Ory's <c>ui/error/id</c> test id), if any.</summary>
    public async Task<string?> ErrorIdAsync()
    {
        try
        {
            var error = page.Locator("[data-testid=\"ui/error/id\"]");
            return await error.CountAsync() > 0 ? await error.First.TextContentAsync() : null;
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }
}
