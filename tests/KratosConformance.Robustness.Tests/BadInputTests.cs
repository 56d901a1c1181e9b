using System.Globalization;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// The robustness catalogue, bad input and a broken environment: ./kc started as a user starts it, each case ending
/// before any test with exit 2 and one line naming the cause and the fix; no stack trace, no run folder, nothing left.
/// Before (issue 11): invalid YAML failed 41 tests with "current state of the object" (external: exit 134 and a stack
/// trace), mfa+passwordless failed 41 tests with exit 1, an unreachable --mail-url failed 32 tests, a corrupt
/// results.json made compare exit 134, --out took --no-browser as its folder, a missing image or Docker failed each
/// start, garbage from Kratos and an unknown version were test failures.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BadInputTests
{
    private static readonly Patience Patience = HarnessSettings.FromEnvironment().Patience;

    [Test]
    public async Task Invalid_yaml_in_config_names_file_line_and_column()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", "dsn: memory\nserve: [\n");

        await ExpectRefusalAsync(files, $"kc run: error: --config {config}: not valid YAML at line 3, column 1: *Fix the file*", "run", "--target", "inprocess", "--config", config);
    }

    [Test]
    public async Task Code_mfa_and_passwordless_both_on_is_refused_once()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig.Replace("passwordless_enabled: false", "passwordless_enabled: true", StringComparison.Ordinal));

        await ExpectRefusalAsync(files, $"kc run: error: --config {config}: selfservice.methods.code.mfa_enabled and selfservice.methods.code.passwordless_enabled are both true*set passwordless_enabled: false.", "run", "--target", "inprocess", "--config", config);
    }

    [Test]
    public async Task A_schema_without_a_code_identifier_is_named()
    {
        using var files = new TempFiles();
        var config = files.Write("kratos.yml", Repository.BaseConfig);
        var schema = files.Write("identity.schema.json", Repository.BaseSchema.Replace("\"code\": { \"identifier\": true, \"via\": \"email\" }", "\"code\": { \"identifier\": false }", StringComparison.Ordinal));

        await ExpectRefusalAsync(files, $"kc run: error: --schema {schema}: no trait is a code identifier*", "run", "--target", "inprocess", "--config", config, "--schema", schema);
    }

    [Test]
    public async Task An_unreachable_mail_url_is_named_before_any_test()
    {
        using var files = new TempFiles();
        await using var kratos = await FakeKratos.VersionAsync("v26.2.0");
        var closed = FreePort.Pick().ToString(CultureInfo.InvariantCulture);

        await ExpectRefusalAsync(
            files, $"kc run: error: --mail-url imap://127.0.0.1:{closed}*: no IMAP server greets at 127.0.0.1:{closed} (*). Check the host, the port and that the mail server runs.",
            External(kratos, $"imap://127.0.0.1:{closed}"));
    }

    [Test]
    public async Task Imap_without_host_and_port_shows_the_valid_forms()
    {
        using var files = new TempFiles();

        await ExpectRefusalAsync(files, "kc run: error: --mail-url 'imap://' is not a mail access URL: the host is missing or malformed. Valid forms: imap://host:port*", "run", "--target", "external", "--public-url", "http://127.0.0.1:1/", "--admin-url", "http://127.0.0.1:1/", "--mail-url", "imap://");
    }

    [Test]
    public async Task A_mail_sink_on_the_wrong_port_is_told_from_the_sink()
    {
        using var files = new TempFiles();
        await using var kratos = await FakeKratos.VersionAsync("v26.2.0");

        // The URL answers, but it is Kratos, not smtp4dev.
        await ExpectRefusalAsync(files, $"kc run: error: --mail-url: GET {kratos.Url}api/messages?pageSize=1 answered 404; smtp4dev's HTTP API answers 200 there.*", External(kratos, "smtp4dev+" + kratos.Url.AbsoluteUri.TrimEnd('/')));
    }

    [Test]
    public async Task A_corrupt_results_json_given_to_compare_is_named()
    {
        using var files = new TempFiles();
        var run = Path.GetDirectoryName(files.Write("run/results.json", "{\"verdict\": "))!;

        await ExpectRefusalAsync(files, $"kc compare: error: run A: {run}/results.json is not a valid results file at line *Give the folder of a complete run*", "compare", run, run);
    }

    [Test]
    public async Task Out_followed_by_an_option_is_not_taken_as_its_folder()
    {
        using var files = new TempFiles();

        await ExpectRefusalAsync(files, "kc run: error: --out needs a value (<dir>) but was followed by the option --no-browser*", "run", "--out", "--no-browser");
        Directory.Exists(Path.Combine(Repository.Root, "--no-browser")).Should().BeFalse();
    }

    [Test]
    public async Task Run_help_is_help_not_an_error()
    {
        using var kc = KcProcess.Start("run", "-h");

        var code = await kc.ExitCodeAsync(Patience.For("./kc run -h", TimeSpan.FromSeconds(60)));

        code.Should().Be(0, kc.Output);
        kc.FirstLine.Should().Be("Description:");
        kc.Lines.Should().Contain(l => l.TrimStart().StartsWith("--patience", StringComparison.Ordinal));
    }

    [Test]
    public async Task Docker_absent_is_one_message_naming_docker_host_and_the_alternatives()
    {
        using var files = new TempFiles();
        var socket = Path.Combine(files.Directory, "docker.sock");

        await ExpectRefusalAsync(
            files, $"kc: error: no Docker daemon answers at unix://{socket} (DOCKER_HOST): start it there or unset DOCKER_HOST, or use --target inprocess / --target external.",
            new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + socket }, "run", "--no-browser", "--out", Path.Combine(files.Directory, "out"));
    }

    [Test]
    [Category("docker")]
    public async Task A_kratos_image_that_is_not_here_and_can_not_be_pulled_is_named_up_front()
    {
        using var files = new TempFiles();
        if (await DockerEnvironment.CheckAvailableAsync() is { } noDocker)
        {
            Assert.Ignore(noDocker);
        }

        // A tag no registry has: refused after one pull attempt, here (no registry) and on a connected machine alike.
        await ExpectRefusalAsync(files, "kc run: error: --kratos-image: Image oryd/kratos:v0.0.0-kc-missing is not present and could not be pulled here*", "run", "--kratos-image", "oryd/kratos:v0.0.0-kc-missing", "--no-browser", "--out", Path.Combine(files.Directory, "out"));
    }

    [Test]
    public async Task A_selector_map_entry_that_does_not_parse_is_named_before_any_test()
    {
        using var files = new TempFiles();
        var map = files.Write("selectors.json", "{\"code\": \"#otp\", \"code-submit\": \"button[type=submit\"}");

        // Before, the map passed the up-front check and every browser test failed on it after its own wait.
        await ExpectRefusalAsync(
            files, $"kc run: error: --ui-selectors: The UI selector map {map} (KC_UI_SELECTORS): element 'code-submit' has the selector `button[type=submit`, which does not parse: *. Write a CSS selector*leave the element out to find it by Kratos's node contract.",
            "run", "--target", "inprocess", "--ui-url", "http://127.0.0.1:1/login", "--ui-selectors", map);
    }

    [Test]
    public async Task Malformed_json_from_kratos_is_named_before_any_test()
    {
        using var files = new TempFiles();
        await using var kratos = await FakeKratos.GarbageAsync();

        await ExpectRefusalAsync(files, $"kc run: error: --public-url: GET {kratos.Url}self-service/login/api answered something that is not JSON (application/json), so this is not Kratos's public API.*", External(kratos, "courier+" + kratos.Url.AbsoluteUri));
    }

    [Test]
    public async Task An_unknown_kratos_version_is_refused_naming_the_known_ones()
    {
        using var files = new TempFiles();
        await using var kratos = await FakeKratos.VersionAsync("v9.9.9");

        await ExpectRefusalAsync(files, $"kc run: error: GET {kratos.Url}admin/version answered Kratos v9.9.9, a version this suite has no expectations for (it knows v1.3.1, v25.4.0, v26.2.0)*--kratos-version v26.2.0.", External(kratos, "courier+" + kratos.Url.AbsoluteUri));
    }

    private static string[] External(FakeKratos kratos, string mailUrl) =>
        ["run", "--target", "external", "--no-browser", "--public-url", kratos.Url.AbsoluteUri, "--admin-url", kratos.Url.AbsoluteUri, "--mail-url", mailUrl];

    private static Task ExpectRefusalAsync(TempFiles files, string firstLine, params string[] args) =>
        ExpectRefusalAsync(files, firstLine, new Dictionary<string, string>(), args);

    /// <summary>Exit 2, exactly one line (matching <paramref name="firstLine"/>), and no run folder written.</summary>
    private static async Task ExpectRefusalAsync(TempFiles files, string firstLine, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = Path.Combine(files.Directory, "out");
        string[] withOut = args.Contains("--out") || args[0] == "compare" ? args : [.. args, "--out", output];
        using var kc = KcProcess.Start(environment, withOut);

        var code = await kc.ExitCodeAsync(Patience.For("./kc refusing bad input", TimeSpan.FromSeconds(60)));

        code.Should().Be(2, "bad input is exit 2; output:\n{0}", kc.Output);
        kc.Lines.Should().ContainSingle("one message, never one per test and never a stack trace; output:\n{0}", kc.Output);
        kc.FirstLine.Should().Match(firstLine);
        (Directory.Exists(output) ? Directory.EnumerateFileSystemEntries(output) : []).Should().BeEmpty("nothing ran, so nothing was written");
    }
}
