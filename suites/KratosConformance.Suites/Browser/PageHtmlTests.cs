using FluentAssertions;
using KratosConformance.Client.Evidence;

namespace KratosConformance.Suites.Browser;

/// <summary>Page HTML kept as evidence never carries the CSRF token in clear (style principle 6).</summary>
[TestFixture]
[Category("self-test")]
[Parallelizable(ParallelScope.All)]
public sealed class PageHtmlTests
{
    private const string Html = """
        <input type="hidden" name="csrf_token" data-testid="node/input/csrf_token" value="tok3n-v4lue-abcdef" required>
        <pre>{"csrf_token":"tok3n-v4lue-abcdef"} tok3n-v4lue-abcdef</pre>
        <input type="hidden" name="identifier" value="alice@conformance.test">
        """;

    [Test]
    public void Csrf_token_values_are_masked_everywhere_on_the_page()
    {
        var masked = PageHtml.Mask(Html, new SecretMasker(reveal: false));

        masked.Should().NotContain("tok3n-v4lue-abcdef")
            .And.Contain($"value=\"***{SecretMasker.Hash("tok3n-v4lue-abcdef")}\"")
            .And.Contain("value=\"alice@conformance.test\"", "only secrets are masked");
    }

    [Test]
    public void Reveal_keeps_the_page_as_it_was() =>
        PageHtml.Mask(Html, new SecretMasker(reveal: true)).Should().Be(Html);
}
