using FluentAssertions;
using KratosConformance.Client.Evidence;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Evidence;

public sealed class SecretMaskerTests
{
    // Expected suffixes are the first four hex digits of SHA-256 of the secret (computed with sha256sum).
    [Test]
    public void Masks_session_token_header_and_ory_tokens_in_text()
    {
        var masker = new SecretMasker(reveal: false);

        masker.Mask("X-Session-Token: ory_st_abcdef123456\nAccept: application/json")
            .Should().Be("X-Session-Token: ***cda5\nAccept: application/json");
        masker.Mask("token is ory_st_abcdef123456.").Should().Be("token is ***cda5.");
    }

    [Test]
    public void Masks_each_cookie_value_but_keeps_cookie_names_and_attributes()
    {
        var masker = new SecretMasker(reveal: false);

        masker.MaskHeader("Cookie", "csrf_token_ab=csrftokenvalue123; ory_kratos_session=sessioncookie999")
            .Should().Be("csrf_token_ab=***2292; ory_kratos_session=***7605");
        masker.MaskHeader("Set-Cookie", "ory_kratos_session=sessioncookie999; Path=/; HttpOnly")
            .Should().Be("ory_kratos_session=***7605; Path=/; HttpOnly");
    }

    [Test]
    public void Masks_csrf_and_password_form_fields_but_keeps_the_code()
    {
        var masker = new SecretMasker(reveal: false);

        masker.Mask("method=code&code=123456&csrf_token=csrftokenvalue123&password=s3cret-password")
            .Should().Be("method=code&code=123456&csrf_token=***2292&password=***e3d2");
    }

    [Test]
    public void Masks_json_fields_and_csrf_node_values_and_correlates_them_elsewhere()
    {
        var masker = new SecretMasker(reveal: false);
        var flow = """{"ui":{"nodes":[{"attributes":{"name":"csrf_token","type":"hidden","value":"csrftokenvalue123"}},{"attributes":{"name":"code","type":"text","value":"123456"}}]},"session_token":"abcdefghijkl"}""";

        masker.Mask(flow).Should().Be(
            """{"ui":{"nodes":[{"attributes":{"name":"csrf_token","type":"hidden","value":"***2292"}},{"attributes":{"name":"code","type":"text","value":"123456"}}]},"session_token":"***d682"}""");
        masker.Mask("later: csrftokenvalue123").Should().Be("later: ***2292");
    }

    [Test]
    public void Masks_the_credential_of_an_authorization_header_only()
    {
        var masker = new SecretMasker(reveal: false);

        masker.MaskHeader("Authorization", "Bearer ory_st_abcdef123456").Should().Be("Bearer ***cda5");
    }

    [Test]
    public void Reveal_mode_writes_everything_as_is()
    {
        var masker = new SecretMasker(reveal: true);
        const string text = "X-Session-Token: ory_st_abcdef123456\ncsrf_token=csrftokenvalue123";

        masker.Mask(text).Should().Be(text);
        masker.MaskHeader("Cookie", "a=sessioncookie999").Should().Be("a=sessioncookie999");
    }
}
