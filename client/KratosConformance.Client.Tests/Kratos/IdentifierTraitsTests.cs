using FluentAssertions;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>
/// IdentifierTraits: the traits Kratos's GetIdentifierLabelFromSchema counts (login/extension_identifier_label.go), read
/// from an identity schema, and "unknown" where a reference would have to be resolved.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class IdentifierTraitsTests
{
    [Test]
    public void Every_credential_kind_that_names_the_identifier_counts_in_schema_order()
    {
        var traits = IdentifierTraits.Read("""
            {"properties": {"traits": {"type": "object", "properties": {
              "email": {"type": "string", "title": "E-Mail", "ory.sh/kratos": {"credentials": {"password": {"identifier": true}}}},
              "nick": {"type": "string", "ory.sh/kratos": {"credentials": {"webauthn": {"identifier": true}}}},
              "display": {"type": "string", "title": "Name", "ory.sh/kratos": {"credentials": {"passkey": {"display_name": true}}}},
              "account": {"type": "string", "ory.sh/kratos": {"credentials": {"totp": {"account_name": true}}}},
              "backup": {"type": "string", "ory.sh/kratos": {"credentials": {"code": {"identifier": true, "via": "email"}}}},
              "plain": {"type": "string", "title": "Plain", "ory.sh/kratos": {"verification": {"via": "email"}}},
              "off": {"type": "string", "ory.sh/kratos": {"credentials": {"password": {"identifier": false}}}},
              "name": {"type": "object", "properties": {"first": {"type": "string", "title": "First", "ory.sh/kratos": {"credentials": {"code": {"identifier": true}}}}}}
            }}}}
            """);

        traits.Should().Equal(
            new IdentifierTrait("traits.email", "E-Mail"),
            new IdentifierTrait("traits.nick", null),
            new IdentifierTrait("traits.display", "Name"),
            new IdentifierTrait("traits.account", null),
            new IdentifierTrait("traits.backup", null),
            new IdentifierTrait("traits.name.first", "First"));
    }

    [TestCase("""{"properties": {"traits": {"$ref": "file://traits.json"}}}""", TestName = "a $ref for the traits")]
    [TestCase("""{"properties": {"traits": {"properties": {"email": {"$ref": "#/definitions/email"}}}}}""", TestName = "a $ref for one trait")]
    [TestCase("""{"properties": {}}""", TestName = "no traits")]
    [TestCase("""not json""", TestName = "not JSON")]
    public void What_can_not_be_read_without_resolving_is_unknown(string schema) =>
        IdentifierTraits.Read(schema).Should().BeNull();
}
