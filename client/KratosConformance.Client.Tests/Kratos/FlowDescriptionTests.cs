using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

public sealed class FlowDescriptionTests
{
    [Test]
    public void Shortens_flow_and_id_query_values()
    {
        FlowDescription.ShortenIds("/self-service/login?flow=6b1c5d0e-1111-2222-3333-444455556666")
            .Should().Be("/self-service/login?flow=6b1c…");
        FlowDescription.ShortenIds("/self-service/errors?id=abcdef12-0000&x=1").Should().Be("/self-service/errors?id=abcd…&x=1");
        FlowDescription.ShortenIds("POST /self-service/login?flow=6b1c5d0e-1111 -> 400").Should().Be("POST /self-service/login?flow=6b1c… -> 400");
    }

    [Test]
    public void Describes_errors_by_id_code_and_reason()
    {
        var error = KratosError.Parse((JsonObject)JsonNode.Parse(
            """{"error":{"id":"session_aal2_required","code":403,"status":"Forbidden","reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level.","details":{"redirect_browser_to":"http://k/self-service/login/browser?aal=aal2"}},"redirect_browser_to":"http://k/self-service/login/browser?aal=aal2"}""")!);

        error.Id.Should().Be("session_aal2_required");
        error.Code.Should().Be(403);
        error.RedirectBrowserTo.Should().Be("http://k/self-service/login/browser?aal=aal2");
        FlowDescription.Describe(error).Should().Be(
            "error session_aal2_required (403): An active session was found but it does not fulfill the requested Authenticator Assurance Level.");
    }

    [Test]
    public void Reads_a_stored_error_from_self_service_errors()
    {
        var error = KratosError.Parse((JsonObject)JsonNode.Parse(
            """{"id":"e1","error":{"id":"security_csrf_violation","code":403,"message":"the request was rejected to protect you from Cross-Site-Request-Forgery"},"created_at":"2026-01-01T00:00:00Z"}""")!);

        error.Id.Should().Be("security_csrf_violation");
        FlowDescription.Describe(error).Should().Be("error security_csrf_violation (403): the request was rejected to protect you from Cross-Site-Request-Forgery");
    }

    [Test]
    public void Parses_a_session_with_its_methods()
    {
        var session = Session.Parse((JsonObject)JsonNode.Parse(
            """{"id":"s1","active":true,"authenticator_assurance_level":"aal2","authentication_methods":[{"method":"password","aal":"aal1","completed_at":"2026-01-01T00:00:00Z"},{"method":"code","aal":"aal2"}],"identity":{"id":"i1"}}""")!);

        session.Aal.Should().Be("aal2");
        session.MethodNames.Should().Equal("password", "code");
        session.Methods[1].CompletedAt.Should().BeNull();
        session.Identity!["id"]!.GetValue<string>().Should().Be("i1");
    }

    [Test]
    public void Submission_helpers_post_the_fields_kratos_documents()
    {
        LoginSubmission.SendCodeTo("a@x").Fields.Should().Equal(new Dictionary<string, string> { ["address"] = "a@x" });
        LoginSubmission.Code("123456").Fields.Should().Equal(new Dictionary<string, string> { ["method"] = "code", ["code"] = "123456" });
        LoginSubmission.Resend("a@x").With("csrf_token", "t").Fields.Should().ContainKeys("method", "resend", "identifier", "csrf_token");
        ClientStyles.All.Select(s => s.Id()).Should().Equal("browser", "spa", "native");
    }
}
