using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Harness.Upgrade;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Upgrade;

/// <summary>
/// The upgrade's view of a WebAuthn credential must tell a key carried forward from one B lost, changed or stores in
/// another shape: equal only when every stored value is (not just the shortened report text), and the members of
/// Kratos's shape (factors spec §5.6) that are missing named.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class WebAuthnKeySnapshotTests
{
    [Test]
    public void A_credential_in_kratos_shape_has_nothing_missing_and_equals_itself()
    {
        var before = WebAuthnKeySnapshot.From(Identity());

        before.Missing.Should().BeEmpty();
        before.SameAs(WebAuthnKeySnapshot.From(Identity())).Should().BeTrue();
        before.Text.Should().Contain("sign_count 0").And.Contain("is_passwordless false").And.Contain("version 1");
    }

    [Test]
    public void A_public_key_changed_past_the_shortened_text_is_another_key()
    {
        var changed = Identity();
        changed["credentials"]!["webauthn"]!["config"]!["credentials"]![0]!["public_key"] = "pQECAyYgASFYIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB";

        var before = WebAuthnKeySnapshot.From(Identity());
        var after = WebAuthnKeySnapshot.From(changed);

        after.Text.Should().Be(before.Text, "the report shows the first 12 characters of each byte field");
        before.SameAs(after).Should().BeFalse("the stored public key differs");
    }

    [Test]
    public void A_lost_credential_and_a_missing_member_are_named()
    {
        var withoutCredential = Identity();
        withoutCredential["credentials"]!.AsObject().Remove("webauthn");
        var withoutHandle = Identity();
        withoutHandle["credentials"]!["webauthn"]!["config"]!.AsObject().Remove("user_handle");

        WebAuthnKeySnapshot.From(withoutCredential).Missing.Should().Equal("credentials.webauthn");
        WebAuthnKeySnapshot.From(withoutHandle).Missing.Should().Equal("config.user_handle");
        WebAuthnKeySnapshot.From(Identity()).SameAs(WebAuthnKeySnapshot.From(withoutHandle)).Should().BeFalse();
    }

    // The admin API's identity with include_credential=webauthn, as factors spec §5.6 shows the credential.
    private static JsonObject Identity() => JsonNode.Parse("""
        {"id":"6f1c2d3e-0000-4000-8000-000000000001","credentials":{"password":{"type":"password","identifiers":["a@conformance.test"]},
         "webauthn":{"type":"webauthn","identifiers":["a@conformance.test"],"version":1,
          "config":{"user_handle":"bxwtPgAAQACAAAAAAAAAAQ==","credentials":[{"id":"q83vEjRWeJA=","public_key":"pQECAyYgASFYIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
           "attestation_type":"none","authenticator":{"aaguid":"AAAAAAAAAAAAAAAAAAAAAA==","sign_count":0,"clone_warning":false},
           "display_name":"upgrade key","added_at":"2026-03-20T10:00:00Z","is_passwordless":false,
           "flags":{"user_present":true,"user_verified":false,"backup_eligible":false,"backup_state":false}}]}}}}
        """)!.AsObject();
}
