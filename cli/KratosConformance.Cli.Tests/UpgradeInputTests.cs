using FluentAssertions;
using KratosConformance.Cli.Errors;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// kc upgrade refuses what can not work before anything starts: one line naming the cause and the fix, exit 2, and
/// nothing on stdout (no container, no database).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UpgradeInputTests
{
    [TestCase(new[] { "--from", "v26.2.0", "--to", "v25.4.0" }, "--from v26.2.0 is not older than --to v25.4.0: an upgrade goes from an older Kratos to a newer one.")]
    [TestCase(new[] { "--from", "v25.4.0", "--to", "v25.4.0" }, "--from v25.4.0 is not older than --to v25.4.0")]
    [TestCase(new[] { "--from", "v24.1.0", "--to", "v26.2.0" }, "--from 'v24.1.0' is not a Kratos version the double emulates: give one of v1.3.1, v25.4.0, v26.2.0")]
    [TestCase(new[] { "--from", "oryd/kratos:latest", "--to", "v26.2.0" }, "--from 'oryd/kratos:latest': the image's tag must name a Kratos release the suites know")]
    [TestCase(new[] { "--from", "v25.4.0", "--to", "v26.2.0", "--dsn", "postgres" }, "--dsn postgres needs a PostgreSQL container (Testcontainers.PostgreSql, image postgres)")]
    [TestCase(new[] { "--from", "oryd/kratos:v25.4.0", "--to", "oryd/kratos:v26.2.0", "--target", "inprocess" }, "--target inprocess runs the reference double in this process, not the image oryd/kratos:v25.4.0")]
    [TestCase(new[] { "--from", "oryd/kratos:v25.4.0", "--to", "oryd/kratos:v26.2.0", "--deviations", "upgrade-drops-totp" }, "--deviations are the reference double's own switches; oryd/kratos:v25.4.0 is not the double.")]
    [TestCase(new[] { "--from", "v25.4.0", "--to", "v26.2.0", "--deviations", "wrong-code-message-id" }, "--deviations wrong-code-message-id: not an upgrade deviation of the double. Valid: upgrade-drops-totp, upgrade-loses-verified-flags, upgrade-invalidates-sessions, upgrade-leaves-schema-behind, upgrade-drops-webauthn.")]
    [TestCase(new[] { "--to", "v26.2.0" }, "--from is missing: give the version upgraded from, e.g. --from v25.4.0.")]
    public void Bad_input_is_refused_with_one_line_and_exit_2(string[] args, string message)
    {
        var (code, output, error) = Kc.Invoke(["upgrade", .. args]);

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty("nothing was started");
        error.Should().StartWith("kc upgrade: error: " + message).And.EndWith(Environment.NewLine).And.NotContain("   at ");
        error.TrimEnd().Should().NotContain("\n", "one message");
    }

    [Test]
    public void A_patch_release_counts_as_its_line_and_an_image_tag_names_the_version()
    {
        Validation.UpgradeInput.Parse("--from", "v25.4.3").Label.Should().Be("v25.4.0");
        var image = Validation.UpgradeInput.Parse("--to", "oryd/kratos:v26.2.0");
        (image.Image, image.Version.ToString()).Should().Be(("oryd/kratos:v26.2.0", "v26.2.0"));
    }

    [Test]
    public void Help_lists_the_options()
    {
        var (code, output, _) = Kc.Invoke("upgrade", "--help");

        code.Should().Be(ExitCodes.Passed);
        output.Should().Contain("--from").And.Contain("--to").And.Contain("--dsn <sqlite|postgres>").And.Contain("--target <containers|inprocess>")
            .And.Contain("--deviations").And.Contain("--no-suite").And.Contain("--patience");
    }
}
