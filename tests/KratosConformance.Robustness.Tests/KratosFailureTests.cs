using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Smtp4dev;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// The robustness catalogue, a deployment that fails under the suite: ./kc run --target external against
/// ./kc double serve, both as processes. Before (issue 11): the double with SMTP on a closed port passed 35/35 through
/// the courier reader (abandoned mail counted as delivered); a Kratos that died mid-run had no case.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KratosFailureTests
{
    private static readonly Patience Patience = HarnessSettings.FromEnvironment().Patience;

    [Test]
    public async Task Smtp_on_a_closed_port_is_never_a_pass_through_the_courier_reader()
    {
        // A port picked free and left unbound: every SMTP connection is refused; message_retries 1 abandons the mail.
        var closed = FreePort.Pick().ToString(CultureInfo.InvariantCulture);
        using var kratos = await DoubleServe.StartAsync($"smtp://127.0.0.1:{closed}/?disable_starttls=true", new Dictionary<string, string> { ["COURIER_MESSAGE_RETRIES"] = "1" }, Patience);
        using var output = new TempFiles();
        using var kc = KcProcess.Start(
            "run", "--target", "external", "--no-browser", "--only", "login.code-mfa.aal2.*", "--out", output.Directory,
            "--public-url", kratos.PublicUrl.AbsoluteUri, "--admin-url", kratos.AdminUrl.AbsoluteUri, "--mail-url", "courier+" + kratos.AdminUrl.AbsoluteUri);

        var code = await kc.ExitCodeAsync(Patience.For("a three-test ./kc run", TimeSpan.FromSeconds(180)));

        code.Should().Be(1, "undelivered mail is a conformance failure, never a pass; output:\n{0}", kc.Output);
        kc.FirstLine.Should().StartWith("kc run: target external, patience ");
        var results = Results(output.Directory);
        results["verdict"]!.GetValue<string>().Should().Be("failed");
        Tests(results).Should().HaveCount(3).And.OnlyContain(t => t["outcome"]!.GetValue<string>() == "failed")
            .And.OnlyContain(t => t["message"]!.GetValue<string>().Contains("status=abandoned", StringComparison.Ordinal), "each names what the courier did with the mail");
    }

    [Test]
    public async Task Kratos_killed_mid_run_ends_the_run_with_failures_naming_the_unreachable_kratos()
    {
        await using var sink = await Smtp4devProcess.StartAsync(Patience);
        using var kratos = await DoubleServe.StartAsync($"smtp://{sink.Host}:{sink.SmtpPort}/?disable_starttls=true", new Dictionary<string, string>(), Patience);
        using var output = new TempFiles();
        using var kc = KcProcess.Start(
            // The emailed code's tests only: on an external target the other factors' scenarios are not applicable (their
            // profiles need a Kratos configured for them) and would be the run's first results, before any test passed.
            "run", "--target", "external", "--no-browser", "--workers", "1", "--only", "login.code-mfa.*", "--out", output.Directory,
            "--public-url", kratos.PublicUrl.AbsoluteUri, "--admin-url", kratos.AdminUrl.AbsoluteUri, "--mail-url", $"smtp4dev+{sink.HttpBaseUrl.AbsoluteUri.TrimEnd('/')}");
        await kc.WaitForLineAsync("the run's second result", l => ResultLines.IsResult(l, 2), Patience.For("./kc run's first results", TimeSpan.FromSeconds(120)));

        kratos.Process.KillTree();
        var code = await kc.ExitCodeAsync(Patience.For("./kc run's end after Kratos died", TimeSpan.FromSeconds(300)));

        code.Should().Be(1, "output:\n{0}", kc.Output);
        kc.Lines.Should().Contain(l => l.StartsWith("FAILED: ", StringComparison.Ordinal));
        var tests = Tests(Results(output.Directory));
        tests.Should().Contain(t => t["outcome"]!.GetValue<string>() == "passed", "the tests before the kill passed");
        tests.Where(t => t["outcome"]!.GetValue<string>() == "failed").Should().NotBeEmpty()
            .And.OnlyContain(t => t["message"]!.GetValue<string>().Contains($"127.0.0.1:{kratos.PublicUrl.Port}", StringComparison.Ordinal)
                || t["message"]!.GetValue<string>().Contains($"127.0.0.1:{kratos.AdminUrl.Port}", StringComparison.Ordinal), "every failure names the Kratos that stopped answering");
    }

    private static JsonNode Results(string output)
    {
        var run = Directory.GetDirectories(output).Single(d => Path.GetFileName(d) != "latest");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!;
    }

    private static List<JsonNode> Tests(JsonNode results) => [.. results["tests"]!.AsArray().Select(t => t!)];
}
