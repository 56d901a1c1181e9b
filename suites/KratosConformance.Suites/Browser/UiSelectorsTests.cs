using FluentAssertions;

namespace KratosConformance.Suites.Browser;

/// <summary>The selector map of --ui-selectors: without one every element is found by the node contract; a file overrides single elements; mistakes are errors naming file and element.</summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class UiSelectorsTests
{
    [Test]
    public void Without_a_map_no_element_is_overridden()
    {
        UiSelectors.Load(null).Should().BeSameAs(UiSelectors.Default);
        UiSelectors.Elements.Keys.Should().OnlyContain(e => UiSelectors.Default.Override(e) == null);
    }

    [Test]
    public void A_map_file_overrides_the_names_it_gives_and_keeps_the_rest()
    {
        var file = Write("""{"code-submit": "button#verify", "signed-in": "h1.welcome"}""");
        try
        {
            var selectors = UiSelectors.Load(file);

            selectors.Override(UiSelectors.CodeSubmit).Should().Be("button#verify");
            selectors.Override(UiSelectors.SignedIn).Should().Be("h1.welcome");
            selectors.Override(UiSelectors.Code).Should().BeNull();
            selectors.Source.Should().StartWith(file).And.Contain("overrides code-submit, signed-in");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("""{"code-sumbit": "button#verify"}""", "*names unknown elements [code-sumbit]; known: identifier, password, password-submit, send-code, code, code-submit, resend, message, signed-in, totp-secret, totp-code, totp-submit, totp-unlink, lookup-codes, lookup-regenerate, lookup-confirm, lookup-reveal, lookup-disable, lookup-code, lookup-submit, webauthn-name, webauthn-register, webauthn-login, webauthn-remove.")]
    [TestCase("""{"code": ""}""", "*gives element 'code' \"\": expected a non-empty selector string*")]
    [TestCase("""{"code": 3}""", "*gives element 'code' 3: expected a non-empty selector string*")]
    [TestCase("""{"resend": "button[value='{address}']"}""", "*uses {address} in element 'resend', which has no placeholders.")]
    [TestCase("""{"message": ".alert"}""", "*gives element 'message' without {id}*")]
    [TestCase("""[1, 2]""", "*could not be read*known elements: identifier*")]
    public void Mistakes_fail_naming_the_file_and_the_element(string json, string message)
    {
        var file = Write(json);
        try
        {
            var load = () => UiSelectors.Load(file);

            load.Should().Throw<InvalidOperationException>().WithMessage(message).And.Message.Should().Contain(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("http://127.0.0.1:3000", "http://127.0.0.1:3000/login?flow=1", true)]
    [TestCase("http://127.0.0.1:3000/", "http://127.0.0.1:3000/auth/login?flow=1", true)]
    [TestCase("http://127.0.0.1:3000/login", "http://127.0.0.1:3000/login?flow=1", true)]
    [TestCase("http://127.0.0.1:3000/login", "http://127.0.0.1:3000/login/?flow=1", true)]
    [TestCase("http://127.0.0.1:3000/login", "http://127.0.0.1:3000/loginx?flow=1", false)]
    [TestCase("http://127.0.0.1:3000/login", "http://127.0.0.1:3001/login?flow=1", false)]
    [TestCase("http://127.0.0.1:3000/login", "http://127.0.0.1:3000/?flow=1", false)]
    public void The_UI_URL_may_be_the_base_URL_or_the_login_page(string ui, string page, bool contained) =>
        new UiLocation(new Uri(ui), "--ui-url").Contains(page).Should().Be(contained);

    [TestCase("http://h/login?flow=abc", "abc")]
    [TestCase("http://h/login?x=1&flow=a%2Db", "a-b")]
    [TestCase("http://h/login?flow=", null)]
    [TestCase("http://h/", null)]
    public void The_flow_id_is_read_from_the_page_URL(string url, string? id) =>
        BrowserKratos.FlowId(url).Should().Be(id);

    private static string Write(string json)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, json);
        return file;
    }
}
