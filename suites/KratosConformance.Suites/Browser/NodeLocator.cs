using System.Globalization;
using KratosConformance.Client.Kratos;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Finds a login UI's elements the way Kratos defines them, so any UI that renders Kratos's nodes is driven unchanged:
/// <list type="number">
/// <item>the node contract: a browser form posts inputs and buttons named after the flow's nodes
/// (<c>input[name=code]</c>, <c>button[name=method][value=code]</c>), and an SPA built on Ory's components renders the
/// same names;</item>
/// <item>Ory's test ids (<c>node/input/&lt;name&gt;</c> of the server-rendered UIs, <c>ory/form/node/input|button/&lt;name&gt;</c>
/// of Ory Elements), which may sit on a wrapping element: the input inside it is used;</item>
/// <item>the label the flow JSON gives that node (<c>meta.label.text</c>), as a user finds it, unless that element names
/// another node (settings groups share the label "Save").</item>
/// </list>
/// Only visible elements count. A selector map replaces all three for the element it names. Messages: Ory's
/// <c>ui/message/&lt;id&gt;</c> / <c>ory/message/&lt;id&gt;</c> test ids, or the text the flow JSON carries for that id.
/// </summary>
public static class NodeLocator
{
    // An input or textarea at or below the matched element: Ory's server-rendered UI puts node/input/<name> on a <div>.
    private const string FieldWithin = "xpath=descendant-or-self::*[(self::input and not(@type='hidden')) or self::textarea]";

    /// <summary>The visible element for <paramref name="target"/> and how it was looked for (for failure messages).</summary>
    public static (ILocator Locator, string Description) For(IPage page, UiSelectors selectors, LoginFlow? flow, NodeTarget target)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(selectors);
        ArgumentNullException.ThrowIfNull(target);
        if (selectors.Override(target.Element) is { } mapped)
        {
            var selector = mapped.Replace("{address}", target.Value ?? string.Empty, StringComparison.Ordinal);
            var located = target.IsButton ? page.Locator(selector) : page.Locator(selector).Locator(FieldWithin);
            return (Visible(located), $"`{selector}` (selector map)");
        }

        var name = Css(target.NodeName);
        ILocator locator;
        string contract;
        if (target.IsButton)
        {
            var value = Css(target.Value!);
            contract = $"button[name=\"{name}\"][value=\"{value}\"], input[type=\"submit\"][name=\"{name}\"][value=\"{value}\"]";
            locator = page.Locator(contract)
                .Or(page.Locator($"[data-testid=\"node/input/{name}\"][value=\"{value}\"], [data-testid=\"ory/form/node/button/{name}\"][value=\"{value}\"]"))
                .Or(page.Locator($"[data-testid=\"node/input/{name}\"] button[value=\"{value}\"]"));
        }
        else
        {
            contract = $"input[name=\"{name}\"]:not([type=\"hidden\"]), textarea[name=\"{name}\"]";
            locator = page.Locator(contract)
                .Or(page.Locator($"[data-testid=\"node/input/{name}\"], [data-testid=\"ory/form/node/input/{name}\"]").Locator(FieldWithin));
        }

        var description = $"{target.Describe()} (`{contract}`, test id node/input/{target.NodeName}";
        if (target.FindIn(flow)?.Label?.Text is { Length: > 0 } label)
        {
            // A label is not unique: every settings group's submit is "Save" (1070003 on method=totp, method=profile,
            // method=password). An element found by its label must not be one that names another node.
            var notAnotherNode = target.IsButton
                ? page.Locator($":not([name]), [name=\"{name}\"][value=\"{Css(target.Value!)}\"]")
                : page.Locator($":not([name]), [name=\"{name}\"]");
            locator = locator.Or((target.IsButton
                ? page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = label, Exact = true })
                : page.GetByLabel(label, new PageGetByLabelOptions { Exact = true })).And(notAnotherNode));
            description += $", label \"{label}\"";
        }

        return (Visible(locator), description + ")");
    }

    /// <summary>Where message <paramref name="id"/> shows: the map's message selector, else Ory's test ids or <paramref name="text"/>, the text a flow carried for it.</summary>
    public static (ILocator Locator, string Description) Message(IPage page, UiSelectors selectors, long id, string? text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(selectors);
        var digits = id.ToString(CultureInfo.InvariantCulture);
        if (selectors.Override(UiSelectors.Message) is { } mapped)
        {
            var selector = mapped.Replace("{id}", digits, StringComparison.Ordinal);
            return (Visible(page.Locator(selector)), $"`{selector}` (selector map)");
        }

        var testIds = $"[data-testid=\"ui/message/{digits}\"], [data-testid=\"ory/message/{digits}\"]";
        var locator = page.Locator(testIds);
        var description = $"`{testIds}`";
        if (text is { Length: > 0 })
        {
            locator = locator.Or(page.GetByText(text, new PageGetByTextOptions { Exact = false }));
            description += $" or its text in the flow \"{text}\"";
        }

        return (Visible(locator), description);
    }

    private static ILocator Visible(ILocator locator) => locator.Filter(new LocatorFilterOptions { Visible = true }).First;

    private static string Css(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
