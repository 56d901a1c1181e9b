using FluentAssertions;

namespace KratosConformance.Suites.Browser;

/// <summary>The selector map of --ui-selectors: defaults are Ory's test ids, a file overrides by name, typos are errors.</summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class UiSelectorsTests
{
    [Test]
    public void Defaults_are_Ory_test_ids()
    {
        UiSelectors.Default[UiSelectors.Code].Should().Be("""[data-testid="node/input/code"]""");
        UiSelectors.Default[UiSelectors.Message].Should().Be("""[data-testid="ui/message/{id}"]""");
        UiSelectors.Load(null).Should().BeSameAs(UiSelectors.Default);
    }

    [Test]
    public void A_map_file_overrides_the_names_it_gives_and_keeps_the_rest()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"code-submit": "button#verify", "signed-in": ""}""");

            var selectors = UiSelectors.Load(file);

            selectors[UiSelectors.CodeSubmit].Should().Be("button#verify");
            selectors[UiSelectors.SignedIn].Should().BeEmpty();
            selectors[UiSelectors.Code].Should().Be(UiSelectors.Defaults[UiSelectors.Code]);
            selectors.Source.Should().Be(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Unknown_names_fail_with_the_known_ones()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"code-sumbit": "button#verify"}""");

            var load = () => UiSelectors.Load(file);

            load.Should().Throw<InvalidOperationException>()
                .WithMessage("*names unknown elements [code-sumbit]; known: identifier, password, password-submit, send-code, code, code-submit, resend, message, any-message, signed-in.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
