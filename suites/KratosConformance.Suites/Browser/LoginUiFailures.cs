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

    /// <summary>
    /// What a UI developer does when no visible element matched <paramref name="target"/>: a map entry that matches
    /// nothing is fixed or removed; a node the flow lists is rendered under its name or mapped; a node the flow does
    /// not list means the page is at another step than the scenario (its messages say why).
    /// </summary>
    public static string NotShownHint(NodeTarget target, UiSelectors selectors, bool notInFlow)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(selectors);
        if (selectors.Override(target.Element) is not null)
        {
            return $"the \"{target.Element}\" entry of the selector map {selectors.File} matches no visible element on this page: change it to a selector of the element your page shows "
                + $"(try it in the browser's devtools: document.querySelectorAll), or remove the entry to find the element by Kratos's node contract ({target.Describe()})";
        }

        if (notInFlow)
        {
            return $"Kratos's flow lists no {target.Describe()} node at this step, so the page is at another step than the scenario expects: see the page's messages and the deployment's config for this method";
        }

        var contract = target.IsButton
            ? $"<button type=\"submit\" name=\"{target.NodeName}\" value=\"{target.Value}\">"
            : $"<input name=\"{target.NodeName}\">";
        return $"render the flow's {target.Describe()} node visibly as {contract} (or with Ory's test id node/input/{target.NodeName}, or the label the flow gives it), "
            + $"or map the element in a --ui-selectors file: {{\"{target.Element}\": \"<selector of your element>\"}}";
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
