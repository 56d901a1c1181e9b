using FluentAssertions;
using KratosConformance.Client.Identities;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Identities;

public sealed class IdentityAddressTests
{
    [Test]
    public void Addresses_are_lower_case_unique_and_carry_the_hint()
    {
        var a = IdentityFactory.NewAddress("Wrong-Code.SPA");
        var b = IdentityFactory.NewAddress("Wrong-Code.SPA");

        a.Should().MatchRegex("^wrong-code\\.spa\\.[0-9a-f]{8}@conformance\\.test$");
        a.Should().NotBe(b);
    }
}
