using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// A command line kc refuses ends with exit 2 and one line that names the problem and the fix, before anything runs.
/// The texts are the product: CI logs show only them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ParseErrorTests
{
    [Test]
    public void An_option_is_never_taken_as_the_value_of_another()
    {
        var (code, _, error) = Kc.Invoke("run", "--out", "--no-browser");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Be("kc run: error: --out needs a value (<dir>) but was followed by the option --no-browser: give the value right after --out, e.g. --out <dir>. (./kc run --help)" + Environment.NewLine);
    }

    [Test]
    public void A_number_option_followed_by_an_option_says_so_before_the_leftover_value()
    {
        var (code, _, error) = Kc.Invoke("run", "--workers", "--only", "x");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("kc run: error: --workers needs a value (<n>) but was followed by the option --only");
    }

    [Test]
    public void An_unknown_option_is_refused_with_the_valid_ones()
    {
        var (code, _, error) = Kc.Invoke("test", "--skipp", "bench");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("kc test: error: Unrecognized command or argument '--skipp'.").And.Contain("Valid options: --skip, --workers, --under-load, --patience.").And.Contain("(./kc test --help)");
    }

    [Test]
    public void An_unknown_command_is_refused_with_the_valid_ones()
    {
        var (code, _, error) = Kc.Invoke("rum");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Be("kc: error: unknown command 'rum'. Valid commands: run, upgrade, test, compare, merge, bench, mutate, double, images, completion. (./kc --help)" + Environment.NewLine);
    }

    [TestCase("--target", "docker", "--target 'docker' is not valid: use one of inprocess, containers, external.")]
    [TestCase("--mail", "postfix", "--mail 'postfix' is not valid: use one of smtp4dev, mailpit, mailhog.")]
    [TestCase("--mail-access", "smtp", "--mail-access 'smtp' is not valid: use one of http, imap, pop3, courier.")]
    [TestCase("--patience", "0", "--patience '0' is not valid: give a factor from 0.1 to 100")]
    [TestCase("--workers", "0", "--workers '0' is not valid: give a whole number from 1 to 64.")]
    [TestCase("--workers", "many", "--workers 'many' is not valid: give a whole number from 1 to 64.")]
    [TestCase("--ui-url", "ftp://x", "--ui-url 'ftp://x' is not an http(s) URL")]
    [TestCase("--browser-ws", "http://127.0.0.1:3000/", "--browser-ws 'http://127.0.0.1:3000/' is not a ws(s) URL")]
    [TestCase("--config", "/no/such/kratos.yml", "--config '/no/such/kratos.yml': no such file (/no/such/kratos.yml).")]
    public void A_bad_value_names_the_option_and_what_is_valid(string option, string value, string expected)
    {
        var (code, _, error) = Kc.Invoke("run", option, value);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().StartWith("kc run: error: " + expected);
    }

    [TestCase(new[] { "--target", "external" }, "--target external needs --public-url, --admin-url, --mail-url")]
    [TestCase(new[] { "--target", "external", "--public-url", "http://h:1/", "--admin-url", "http://h:2/", "--mail-url", "imap://h:3", "--emulate", "v25.4.0" }, "--emulate does not apply to --target external")]
    [TestCase(new[] { "--target", "inprocess", "--public-url", "http://h:1/" }, "--public-url only applies to --target external; --target inprocess starts its own Kratos.")]
    [TestCase(new[] { "--schema", "KratosConformance.Cli.Tests.dll" }, "--schema needs --config")]
    [TestCase(new[] { "--mail", "mailpit", "--mail-access", "imap" }, "--mail-access imap needs --mail smtp4dev: mailpit has no IMAP server.")]
    [TestCase(new[] { "--kratos-version", "latest" }, "--kratos-version 'latest' is not a version")]
    [TestCase(new[] { "--ui-selectors", "KratosConformance.Cli.Tests.dll" }, "--ui-selectors needs --ui-url")]
    [TestCase(new[] { "--reference-ui", "elements" }, "--reference-ui only applies to --target inprocess: --target containers runs the server-rendered reference UI.")]
    [TestCase(new[] { "--target", "inprocess", "--reference-ui", "react" }, "--reference-ui")]
    [TestCase(new[] { "--target", "inprocess", "--target", "external" }, "Option '--target' expects a single argument but 2 were provided.")]
    [TestCase(new[] { "--no-browser", "--no-browser" }, "--no-browser was given 2 times; give it once.")]
    [TestCase(new[] { "--kratos-image", "oryd/kratos:v26.2.0", "--emulate", "v25.4.0" }, "--emulate only means something to the reference double, not to --kratos-image oryd/kratos:v26.2.0: real Kratos has no such switch (its version is the image's tag). Remove --emulate, or leave out --kratos-image to run the double.")]
    [TestCase(new[] { "--kratos-image", "registry.example:5000/oryd/kratos:v25.4.0", "--deviations", "replay-accepted" }, "--deviations only means something to the reference double, not to --kratos-image registry.example:5000/oryd/kratos:v25.4.0")]
    [TestCase(new[] { "--target", "inprocess", "--kratos-image", "oryd/kratos:v26.2.0" }, "--kratos-image only applies to --target containers: --target inprocess runs the reference double in this process")]
    [TestCase(new[] { "--target", "inprocess", "--mail-image", "axllent/mailpit:v1.21" }, "--mail-image only applies to --target containers")]
    [TestCase(new[] { "--target", "external", "--public-url", "http://h:1/", "--admin-url", "http://h:2/", "--mail-url", "imap://h:3", "--mail-image", "axllent/mailpit:v1.21" }, "--mail-image does not apply to --target external")]
    [TestCase(new[] { "--mail", "mailpit", "--mail-image", "mailhog/mailhog" }, "--mail-image mailhog/mailhog is a mailhog image, but --mail mailpit starts mailpit and reads it with mailpit's API: give --mail mailhog for this image.")]
    [TestCase(new[] { "--mail-image", "axllent/mailpit:v1.21" }, "--mail-image axllent/mailpit:v1.21 is a mailpit image, but --mail smtp4dev starts smtp4dev")]
    [TestCase(new[] { "--mail", "mailhog", "--mail-image", "example/postfix:1" }, "--mail-image example/postfix:1 is not a mailhog image (its name does not say mailhog): --mail mailhog reads the sink with mailhog's API. Give an image of mailhog (e.g. mailhog/mailhog:v1.0.1), or the --mail its image is of.")]
    public void A_combination_that_can_not_work_is_refused_at_parse_time(string[] args, string expected)
    {
        var (code, output, error) = Kc.Invoke(["run", .. args]);

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty("nothing ran");
        error.Should().Contain(expected);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle("one message, never one per problem or the whole help");
    }

    [Test]
    public void A_selector_map_for_an_external_UI_named_by_its_config_needs_no_ui_url()
    {
        string? Value(string name) => name switch
        {
            "--target" => "external",
            "--public-url" => "http://h:1/",
            "--admin-url" => "http://h:2/",
            "--mail-url" => "imap://h:3",
            "--config" => "kratos.yml",
            "--ui-selectors" => "map.json",
            _ => null,
        };

        TargetRules.FirstProblem(new HashSet<string>(["--target", "--public-url", "--admin-url", "--mail-url", "--config", "--ui-selectors"]), Value).Should().BeNull();
    }

    [TestCase("--kratos-image", "kratos-conformance/kratos-double:3f2a9c", "--emulate", "v25.4.0")]
    [TestCase("--mail", "mailpit", "--mail-image", "axllent/mailpit:v1.21")]
    [TestCase("--mail", "mailhog", "--mail-image", "mirror.example/mailhog/mailhog:v1.0.1")]
    [TestCase("--mail", "smtp4dev", "--mail-image", "rnwood/smtp4dev:3.15.0")]
    public void Options_that_fit_the_image_are_not_refused(string option, string value, string other, string otherValue)
    {
        TargetRules.FirstProblem(new HashSet<string>([option, other]), name => name == option ? value : name == other ? otherValue : null)
            .Should().BeNull();
    }

    [Test]
    public void Compare_needs_two_runs()
    {
        var (code, _, error) = Kc.Invoke("compare", "only-one");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("Required argument 'run-b' missing");
    }

    [TestCase("test", "--skip", "everything", "'everything' not recognized. Must be one of:")]
    [TestCase("images", "double", "kratos", "'kratos' not recognized. Must be one of:")]
    [TestCase("completion", "zsh", "--", "'zsh' not recognized. Must be one of:")]
    [TestCase("bench", "--repetitions", "0", "--repetitions '0' is not valid: give a whole number from 1 to 100.")]
    public void Other_commands_validate_their_values_too(string command, string option, string value, string expected)
    {
        var (code, _, error) = Kc.Invoke(command, option, value);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(expected);
    }
}
