using FluentAssertions;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The selector map's selectors are parsed by Playwright and Chromium before a run: what they refuse is one error
/// naming the file, the element, the selector and the parser's reason; what they take (CSS, Playwright's engines and
/// chains, placeholders the suite fills) passes.
/// </summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class UiSelectorSyntaxTests
{
    [TestCase("""{"code-submit": "button["}""", "code-submit", "button[")]
    [TestCase("""{"code": "input:hoover"}""", "code", "input:hoover")]
    [TestCase("""{"code-submit": "role=button[name=\"Verify\""}""", "code-submit", "role=button[name=\"Verify\"")]
    [TestCase("""{"code-submit": "xpath=//button[@id="}""", "code-submit", "xpath=//button[@id=")]
    [TestCase("""{"code-submit": "nope=button"}""", "code-submit", "nope=button")]
    [TestCase("""{"code-submit": "form >> div:hoover"}""", "code-submit", "form >> div:hoover")]
    [TestCase("""{"send-code": "button[value={address}]"}""", "send-code", "button[value={address}]")]
    public async Task A_selector_the_parsers_refuse_is_named_with_its_element_and_the_reason(string json, string element, string selector)
    {
        var file = Write(json);
        try
        {
            var check = () => UiSelectorSyntax.CheckAsync(file, null, Patience.Default, CancellationToken.None);

            (await check.Should().ThrowAsync<InvalidOperationException>())
                .WithMessage($"The UI selector map {file} (KC_UI_SELECTORS): element '{element}' has the selector `{selector}`, which does not parse*: *. Write a CSS selector*leave the element out to find it by Kratos's node contract.")
                .And.Message.Should().NotContain("\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Css_playwright_engines_chains_and_placeholders_pass()
    {
        var file = Write("""
            {
              "identifier": "#login input[name='identifier']",
              "password": "xpath=//input[@type='password']",
              "password-submit": "role=button[name=\"Sign in\"]",
              "send-code": "button[value=\"{address}\"]",
              "code": "data-testid=otp",
              "code-submit": "form >> text=Verify >> nth=0",
              "resend": "button:has-text(\"Resend\")",
              "message": "[data-msg-id=\"{id}\"]",
              "signed-in": "internal:role=heading[name=\"Welcome\"i] >> visible=true"
            }
            """);
        try
        {
            var check = () => UiSelectorSyntax.CheckAsync(file, null, Patience.Default, CancellationToken.None);

            await check.Should().NotThrowAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("button#go", "css:button#go")]
    [TestCase("form >> text=Verify", "css:form|text:Verify")]
    [TestCase("//button >> \"Verify\"", "xpath://button|text:\"Verify\"")]
    [TestCase("text=\"a >> b\" >> nth=1", "text:\"a >> b\"|nth:1")]
    [TestCase("[data-x='>>'] >> ..", "css:[data-x='>>']|xpath:..")]
    public void A_selector_splits_into_parts_as_Playwright_reads_it(string selector, string parts) =>
        string.Join("|", UiSelectorSyntax.Parts(selector).Select(p => $"{p.Engine}:{p.Body.Trim()}")).Should().Be(parts);

    private static string Write(string json)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, json);
        return file;
    }
}
