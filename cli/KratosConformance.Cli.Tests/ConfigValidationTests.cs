using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Validation;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// --config and --schema are checked once, up front, with the file and the fix named: invalid YAML used to fail 41
/// tests with "current state of the object", a schema without a code identifier 38 tests with a state mismatch.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ConfigValidationTests
{
    [Test]
    public void The_base_profile_passes()
    {
        using var files = new TempFiles();
        var settings = Settings(files.Write("kratos.yml", Repository.BaseConfig));

        var act = () => ConfigCheck.Check(settings);

        act.Should().NotThrow();
    }

    [Test]
    public void Invalid_yaml_names_the_file_line_and_column()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", "dsn: memory\nserve:\n  public:\n    base_url: [oops\n");

        var act = () => ConfigCheck.Check(Settings(config));

        act.Should().Throw<CliException>().WithMessage($"--config {config}: not valid YAML at line 5, column 1: *Fix the file*");
    }

    [Test]
    public void Code_mfa_and_passwordless_both_on_is_refused_naming_the_keys()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("passwordless_enabled: false", "passwordless_enabled: true", StringComparison.Ordinal));

        var act = () => ConfigCheck.Check(Settings(config));

        act.Should().Throw<CliException>().WithMessage("*selfservice.methods.code.mfa_enabled and selfservice.methods.code.passwordless_enabled are both true*set passwordless_enabled: false.");
    }

    [Test]
    public void A_value_kratos_refuses_is_named_with_its_key()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("required_aal: highest_available", "required_aal: aal3", StringComparison.Ordinal));

        var act = () => ConfigCheck.Check(Settings(config));

        act.Should().Throw<CliException>().WithMessage($"--config {config}: Kratos v26.2.0 refuses this config at start: /session/whoami/required_aal: *");
    }

    [Test]
    public void A_schema_without_a_code_identifier_is_named_with_the_fix()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig);
        var schema = files.Write("identity.schema.json", Repository.BaseSchema.Replace("\"code\": { \"identifier\": true, \"via\": \"email\" }", "\"code\": { \"identifier\": false }", StringComparison.Ordinal));

        var act = () => ConfigCheck.Check(Settings(config) with { SchemaFile = schema });

        act.Should().Throw<CliException>().WithMessage($"--schema {schema}: no trait is a code identifier, so code MFA (selfservice.methods.code.mfa_enabled) can never send a code to anyone. Fix: mark the email trait as a code identifier*");
    }

    [Test]
    public void A_schema_that_is_not_json_names_line_and_column()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig);
        var schema = files.Write("identity.schema.json", "{\n  \"properties\": ,\n}");

        var act = () => ConfigCheck.Check(Settings(config) with { SchemaFile = schema });

        act.Should().Throw<CliException>().WithMessage($"--schema {schema}: not valid JSON at line 2, column *");
    }

    [Test]
    public void Through_the_command_line_it_is_one_line_and_exit_2_before_anything_runs()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", "selfservice: [\n");

        var (code, output, error) = Kc.Invoke("run", "--target", "inprocess", "--config", config, "--out", files.Directory);

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith($"kc run: error: --config {config}: not valid YAML at line");
        Directory.EnumerateFileSystemEntries(files.Directory).Should().ContainSingle("no run folder was made for input that can not work");
    }

    [Test]
    public void An_unknown_element_in_the_selector_map_is_refused_by_the_suites_own_reader()
    {
        using var files = new TempFiles();
        var map = files.Write("selectors.json", "{\"code-submitt\": \"button#go\"}");

        var act = () => SelectorMapCheck.Check(map);

        act.Should().Throw<CliException>().WithMessage("--ui-selectors: The UI selector map * names unknown elements [code-submitt]; known: identifier, *");
        SelectorMapCheck.Check(files.Write("ok.json", "{\"code-submit\": \"button#go\"}"));
        var notAMap = () => SelectorMapCheck.Check(files.Write("list.json", "[1, 2]"));
        notAMap.Should().Throw<CliException>().WithMessage("--ui-selectors: The UI selector map * could not be read*");
    }

    [Test]
    public async Task A_selector_that_does_not_parse_is_refused_before_anything_runs()
    {
        using var files = new TempFiles();
        var map = files.Write("selectors.json", "{\"code\": \"#otp\", \"resend\": \"role=button[name=\\\"Resend\\\"\"}");

        var act = () => SelectorMapCheck.CheckSyntaxAsync(map, null, Patience.Default, CancellationToken.None);

        (await act.Should().ThrowAsync<CliException>()).WithMessage(
            $"--ui-selectors: The UI selector map {map} (KC_UI_SELECTORS): element 'resend' has the selector `role=button[name=\"Resend\"`, which does not parse: *Unexpected end of selector*. Write a CSS selector*");
        await SelectorMapCheck.CheckSyntaxAsync(files.Write("ok.json", "{\"resend\": \"role=button[name=\\\"Resend\\\"]\"}"), null, Patience.Default, CancellationToken.None);
    }

    [TestCase("oryd/kratos:v26.2.0-distroless", "dsn: memory")]
    [TestCase("oryd/kratos:v25.4.0-distroless", "dsn: sqlite:///var/lib/sqlite/db.sqlite?_fk=true")]
    public void A_distroless_image_with_a_sqlite_or_memory_dsn_is_refused(string image, string dsn)
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("dsn: memory", dsn, StringComparison.Ordinal));
        var settings = Settings(config) with { Target = TargetKind.Containers, KratosImage = image };

        var act = () => ImageCheck.Check(settings);

        act.Should().Throw<CliException>().WithMessage(
            $"--kratos-image {image} can not run * ({config}): Kratos's -distroless images are built without SQLite, and memory is SQLite in memory. "
            + $"Use the alpine image ({image.Replace("-distroless", string.Empty, StringComparison.Ordinal)}), or give --config with a PostgreSQL, MySQL or CockroachDB dsn.");
    }

    [TestCase("oryd/kratos:v26.2.0-distroless", "dsn: postgres://kratos:secret@db:5432/kratos?sslmode=disable")]
    [TestCase("oryd/kratos:v26.2.0", "dsn: memory")]
    public void A_distroless_image_with_a_sql_server_dsn_or_an_alpine_image_passes(string image, string dsn)
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("dsn: memory", dsn, StringComparison.Ordinal));

        var act = () => ImageCheck.Check(Settings(config) with { Target = TargetKind.Containers, KratosImage = image });

        act.Should().NotThrow();
    }

    [Test]
    public void A_file_the_config_names_that_is_not_there_is_named_with_its_key()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("courier:\n", """
            courier:
              templates:
                login_code:
                  valid:
                    email:
                      body:
                        plaintext: file://templates/login_code.valid.plaintext.gotmpl

            """, StringComparison.Ordinal));

        var act = () => ConfigCheck.Check(Settings(config) with { Target = TargetKind.Containers });

        act.Should().Throw<CliException>().WithMessage(
            $"--config {config}: --config {config} names file://templates/login_code.valid.plaintext.gotmpl at courier.templates.login_code.valid.email.body.plaintext, "
            + $"but {Path.Combine(Path.GetDirectoryName(config)!, "templates", "login_code.valid.plaintext.gotmpl")} does not exist here, so it can not be copied into the Kratos container.*");
    }

    private static HarnessSettings Settings(string config) => new() { Target = TargetKind.InProcess, ConfigFile = config };
}
