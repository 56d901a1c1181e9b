using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Ui;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// A login UI the browser suite can not drive, as a UI developer meets it: ./kc run --target external against
/// ./kc double serve, with the harness's reference UI and a selector map entry that matches nothing, or with a UI that
/// lacks an element. The one browser test fails within the browser action deadline (not after the run's), and its
/// message alone says which element, on which page, what was tried and what to change. Before: the by-hand run of docs/ui-certification.md
/// was the only evidence, and the message had no fix.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BrokenUiTests
{
    private static readonly Patience Patience = HarnessSettings.FromEnvironment().Patience;

    [Test]
    public async Task A_map_entry_that_matches_nothing_fails_naming_the_element_the_page_the_selector_and_the_fix()
    {
        var uiBase = new Uri($"http://127.0.0.1:{FreePort.Pick()}/");
        using var kratos = await StartKratosAsync(uiBase);
        await using var ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { Port = uiBase.Port, KratosPublicUrl = kratos.PublicUrl, Patience = Patience });
        using var output = new TempFiles();
        var map = output.Write("selectors.json", """{"password-submit": "button#sign-in-nope"}""");

        var message = await FailureOfTheOneTestAsync(kratos, ui.BaseUrl, output, "--ui-selectors", map);

        message.Should().StartWith("login.code-mfa.aal2.browser-ui — password-submit not shown\n", "the headline names the element")
            .And.Contain("within the browser action deadline (", "it failed within the action's deadline, which it names")
            .And.Contain("no visible element matched `button#sign-in-nope` (selector map)", "what was tried")
            .And.Contain("Expected:  button method=password", "the node the element renders")
            .And.Contain($"page {ui.BaseUrl.AbsoluteUri}login?flow=", "the page it was on")
            .And.Contain($"Hint:      the \"password-submit\" entry of the selector map {map} matches no visible element on this page", "the fix")
            .And.Contain("or remove the entry to find the element by Kratos's node contract (button method=password)");
    }

    [Test]
    public async Task A_ui_without_an_element_fails_naming_the_node_what_was_tried_and_the_markup_to_render()
    {
        var uiBase = new Uri($"http://127.0.0.1:{FreePort.Pick()}/");
        using var kratos = await StartKratosAsync(uiBase);
        // The first-factor form without its sign-in button (button method=password, labelled "Sign in" by the flow).
        using var ui = StaticUi.Start(uiBase, """
            <!doctype html><html><head><title>Sign in</title></head><body><form method="post">
            <label>E-mail <input name="identifier" type="text"></label>
            <label>Password <input name="password" type="password"></label>
            </form></body></html>
            """);
        using var output = new TempFiles();

        var message = await FailureOfTheOneTestAsync(kratos, ui.BaseUrl, output);

        message.Should().StartWith("login.code-mfa.aal2.browser-ui — password-submit not shown\n", "the headline names the element")
            .And.Contain("within the browser action deadline (", "it failed within the action's deadline, which it names")
            .And.Contain("no visible element matched button method=password (`button[name=\"method\"][value=\"password\"], input[type=\"submit\"][name=\"method\"][value=\"password\"]`, test id node/input/method, label \"", "what was tried: the contract, Ory's test id, the flow's label")
            .And.Contain($"page {ui.BaseUrl.AbsoluteUri}login?flow=", "the page it was on")
            .And.Contain("(selectors: Kratos's node contract (no selector map))")
            .And.Contain("Hint:      render the flow's button method=password node visibly as <button type=\"submit\" name=\"method\" value=\"password\">", "the markup that fixes it")
            .And.Contain("or map the element in a --ui-selectors file: {\"password-submit\": \"<selector of your element>\"}");
    }

    /// <summary>./kc double serve sending its flows to the UI at <paramref name="uiBase"/>; no mail is needed (the tests stop at the first factor), so SMTP goes to a port nothing listens on.</summary>
    private static Task<DoubleServe> StartKratosAsync(Uri uiBase) =>
        DoubleServe.StartAsync($"smtp://127.0.0.1:{FreePort.Pick().ToString(CultureInfo.InvariantCulture)}/?disable_starttls=true", new Dictionary<string, string>(), Patience, uiBase);

    /// <summary>Runs the one browser scenario against <paramref name="ui"/>; it must fail (exit 1), and its message is returned.</summary>
    private static async Task<string> FailureOfTheOneTestAsync(DoubleServe kratos, Uri ui, TempFiles output, params string[] more)
    {
        var results = Path.Combine(output.Directory, "out");
        using var kc = KcProcess.Start(
            [
                "run", "--target", "external", "--only", "login.code-mfa.aal2.browser-ui", "--out", results,
                "--public-url", kratos.PublicUrl.AbsoluteUri, "--admin-url", kratos.AdminUrl.AbsoluteUri, "--mail-url", "courier+" + kratos.AdminUrl.AbsoluteUri,
                "--ui-url", ui.AbsoluteUri, .. more,
            ]);

        var code = await kc.ExitCodeAsync(Patience.For("a one-test ./kc run against a broken UI", TimeSpan.FromSeconds(120)));

        code.Should().Be(1, "a UI the suite can not drive is a failed test; output:\n{0}", kc.Output);
        var test = Tests(results).Should().ContainSingle().Subject;
        test["outcome"]!.GetValue<string>().Should().Be("failed");
        return test["message"]!.GetValue<string>();
    }

    private static List<JsonNode> Tests(string output)
    {
        var run = Directory.GetDirectories(output).Single(d => Path.GetFileName(d) != "latest");
        return [.. JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!["tests"]!.AsArray().Select(t => t!)];
    }
}
