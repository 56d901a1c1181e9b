using System.Text.Json.Nodes;
using FluentAssertions;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Writing;
using NUnit.Framework;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// A --reveal-secrets run says so in every report it writes (console, results.json, summary.md, index.html) and keeps
/// its files to their owner (0600, folders 0700): before, such reports said nothing and were world-readable.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RevealSecretsTests
{
    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_run_with_revealed_secrets_is_marked_and_owner_only()
    {
        using var output = new TempFiles();
        using var kc = KcProcess.Start("run", "--target", "inprocess", "--no-browser", "--only", "login.code-mfa.aal2.spa", "--reveal-secrets", "--out", output.Directory);

        var code = await kc.ExitCodeAsync(HarnessSettings.FromEnvironment().Patience.For("a one-test ./kc run", TimeSpan.FromSeconds(120)));

        code.Should().Be(0, "output:\n{0}", kc.Output);
        kc.Lines.Count(l => l.Contains(ReportBanners.SecretsRevealed, StringComparison.Ordinal)).Should().Be(2, "the console warns before the run and after the verdict");
        var run = Directory.GetDirectories(output.Directory).Single(d => Path.GetFileName(d) != "latest");
        JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!["run"]!["secretsRevealed"]!.GetValue<bool>().Should().BeTrue();
        File.ReadAllText(Path.Combine(run, "summary.md")).Should().Contain(ReportBanners.SecretsRevealed);
        File.ReadAllText(Path.Combine(run, "index.html")).Should().Contain("SECRETS REVEALED");
        var files = Directory.GetFiles(run, "*", SearchOption.AllDirectories);
        files.Should().Contain(f => f.Contains("/evidence/", StringComparison.Ordinal), "the evidence is covered too");
        files.Should().OnlyContain(f => File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), "every report and evidence file is 0600");
        Directory.GetDirectories(run, "*", SearchOption.AllDirectories).Append(run)
            .Should().OnlyContain(d => File.GetUnixFileMode(d) == (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }
}
