using FluentAssertions;
using KratosConformance.Reports.Writing;
using KratosConformance.Reports.Model;
using NUnit.Framework;

namespace KratosConformance.Reports.Tests;

/// <summary>The id contract: the emailed code's bare scenarios and the other factors' qualified ones parse, print and
/// form the matrix's rows (factor × scenario × client) without colliding.</summary>
[TestFixture]
public sealed class TestIdTests
{
    [TestCase("login.code-mfa.aal2.spa", "aal2", "spa")]
    [TestCase("login.totp.wrong-code.native", "login.totp.wrong-code", "native")]
    [TestCase("settings.lookup-secret.confirm.browser", "settings.lookup-secret.confirm", "browser")]
    public void Ids_parse_into_scenario_and_client_and_print_back(string text, string scenario, string client)
    {
        TestId.TryParse(text, out var id).Should().BeTrue();
        id!.Scenario.Should().Be(scenario);
        id.Client.Should().Be(client);
        id.Value.Should().Be(text);
        TestId.Of(scenario, client).Should().Be(text);
    }

    [TestCase("aal2.spa")]
    [TestCase("login.totp.spa")]
    [TestCase("registration.totp.x.spa")]
    [TestCase("login.totp.x.desktop")]
    [TestCase("login..x.spa")]
    public void Other_texts_are_not_ids(string text) => TestId.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void The_same_scenario_of_two_factors_is_two_rows()
    {
        var matrix = OutcomeMatrix.Of([Result("wrong-code", "spa"), Result("login.totp.wrong-code", "spa"), Result("login.totp.wrong-code", "native")]);

        matrix.Scenarios.Should().Equal("wrong-code", "login.totp.wrong-code");
        matrix.Cell("login.totp.wrong-code", "native").Should().NotBeNull();
    }

    private static TestResult Result(string scenario, string client) =>
        new() { Id = TestId.Of(scenario, client), Scenario = scenario, Client = client, Outcome = TestOutcome.Passed };
}
