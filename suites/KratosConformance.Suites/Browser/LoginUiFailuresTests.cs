using FluentAssertions;

namespace KratosConformance.Suites.Browser;

/// <summary>An element that is not shown comes with the fix a UI developer applies: the map entry, the node's markup, or the flow's step.</summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class LoginUiFailuresTests
{
    [Test]
    public void A_map_entry_that_matches_nothing_is_to_be_fixed_or_removed()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"code-submit": "button#verify"}""");
        try
        {
            LoginUiFailures.NotShownHint(NodeTarget.CodeSubmit, UiSelectors.Load(file), notInFlow: false)
                .Should().Be($"the \"code-submit\" entry of the selector map {file} matches no visible element on this page: change it to a selector of the element your page shows "
                    + "(try it in the browser's devtools: document.querySelectorAll), or remove the entry to find the element by Kratos's node contract (button method=code)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_node_the_flow_lists_is_to_be_rendered_under_its_name_or_mapped() =>
        LoginUiFailures.NotShownHint(NodeTarget.CodeField, UiSelectors.Default, notInFlow: false)
            .Should().Be("render the flow's input code node visibly as <input name=\"code\"> (or with Ory's test id node/input/code, or the label the flow gives it), "
                + "or map the element in a --ui-selectors file: {\"code\": \"<selector of your element>\"}");

    [Test]
    public void A_button_is_named_with_its_value() =>
        LoginUiFailures.NotShownHint(NodeTarget.Resend, UiSelectors.Default, notInFlow: false)
            .Should().StartWith("render the flow's button resend=code node visibly as <button type=\"submit\" name=\"resend\" value=\"code\">");

    [Test]
    public void A_node_the_flow_does_not_list_points_at_the_step() =>
        LoginUiFailures.NotShownHint(NodeTarget.Resend, UiSelectors.Default, notInFlow: true)
            .Should().StartWith("Kratos's flow lists no button resend=code node at this step");
}
