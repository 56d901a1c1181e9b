using FluentAssertions;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Mutation;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// ./kc mutate's own logic without Stryker: the scope comes from mutation/stryker-config.json and --file only narrows
/// it (a file outside is a user error naming the valid ones), the score is Stryker's, and a survivor documented in
/// docs/mutation-survivors.md is recognised by file, mutator, the code it replaced and the replacement, whatever line it
/// moved to. Stryker's test runs get their settings through the one KC_* table and the clone's root.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MutationTests
{
    [Test]
    public void The_scope_is_the_config_and_a_file_narrows_it()
    {
        MutationConfig.Scope().Should().Contain("**/Endpoints/CodeVerifier.cs").And.NotContain(g => g.Contains("/Cli/", StringComparison.Ordinal));
        MutationConfig.Select(["Endpoints/CodeVerifier.cs"]).Should().Equal("**/Endpoints/CodeVerifier.cs");
        MutationConfig.Select([]).Should().Equal(MutationConfig.Scope());
    }

    [Test]
    public void A_file_outside_the_scope_is_refused_with_the_valid_ones()
    {
        var refuse = () => MutationConfig.Select(["Cli/CommandFinder.cs"]);
        refuse.Should().Throw<CliException>()
            .WithMessage("--file Cli/CommandFinder.cs is not among the double's behaviour files in mutation/stryker-config.json. Valid: Endpoints/Aal.cs, *");
    }

    [Test]
    public void The_run_config_scales_the_additional_timeout_by_patience_and_keeps_the_filter_unless_replaced()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kc-mutation-config-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var configured = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MutationConfig.File))!["stryker-config"]!;
            var slow = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MutationConfig.Effective(null, new Patience(2), dir)))!["stryker-config"]!;
            slow["additional-timeout"]!.GetValue<int>().Should().Be(2 * configured["additional-timeout"]!.GetValue<int>());
            slow["test-case-filter"]!.GetValue<string>().Should().Be(configured["test-case-filter"]!.GetValue<string>());
            Path.IsPathRooted(slow["test-projects"]![0]!.GetValue<string>()).Should().BeTrue("Stryker reads the copy from the run folder but runs in mutation/");

            var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MutationConfig.Effective("FullyQualifiedName~X", new Patience(0.5), dir)))!["stryker-config"]!;
            sample["additional-timeout"]!.GetValue<int>().Should().Be(configured["additional-timeout"]!.GetValue<int>() / 2);
            sample["test-case-filter"]!.GetValue<string>().Should().Be("FullyQualifiedName~X");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_score_is_detected_over_valid_and_survivors_match_the_doc_by_content()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-mutation-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"files":{"/x/double/Kratos.Double/Endpoints/Aal.cs":{"source":"a == b\nx = \"aal1\";\ny = \"aal2\";\n{\n}\nf();\ng();\n","mutants":[
              {"location":{"start":{"line":1,"column":1},"end":{"line":1,"column":7}},"mutatorName":"Equality mutation","replacement":"a != b","status":"Killed"},
              {"location":{"start":{"line":2,"column":5},"end":{"line":2,"column":11}},"mutatorName":"String mutation","replacement":"\"\"","status":"Survived"},
              {"location":{"start":{"line":4,"column":1},"end":{"line":5,"column":2}},"mutatorName":"Block removal mutation","replacement":"{}","status":"Timeout"},
              {"location":{"start":{"line":6,"column":1},"end":{"line":6,"column":5}},"mutatorName":"Statement mutation","replacement":";","status":"NoCoverage"},
              {"location":{"start":{"line":7,"column":1},"end":{"line":7,"column":5}},"mutatorName":"Statement mutation","replacement":";","status":"CompileError"},
              {"location":{"start":{"line":3,"column":5},"end":{"line":3,"column":11}},"mutatorName":"String mutation","replacement":"\"\"","status":"Survived"}]}}}
            """);
        try
        {
            var report = MutationReport.Read(file);
            report.Score.Should().Be(40);
            report.KilledScore.Should().Be(20, "a timeout counts only in Stryker's score, not in the killed-only lower bound");
            report.Survivors.Select(s => (s.File, s.Line, s.Original)).Should().Equal(
                ("Endpoints/Aal.cs", 2, "\"aal1\""), ("Endpoints/Aal.cs", 6, "f();"), ("Endpoints/Aal.cs", 3, "\"aal2\""));
            report.Mutants.Single(m => m.Status == "Timeout").Original.Should().Be("{ }");
            var row = SurvivorCatalog.Row(report.Survivors[0] with { Line = 40 }, "equivalent");
            row.Should().Be("| `Endpoints/Aal.cs` | 40 | String mutation | `\"aal1\"` | `\"\"` | equivalent |");
            SurvivorCatalog.Key(report.Survivors[0]).Should().Be(SurvivorCatalog.Key(report.Survivors[0] with { Line = 99 }));
            SurvivorCatalog.Key(report.Survivors[0]).Should().NotBe(SurvivorCatalog.Key(report.Survivors[2]), "the same replacement of other code is another survivor");
            var longer = report.Survivors[1] with { Original = new string('x', 200) };
            SurvivorCatalog.Row(longer, "r").Should().Contain("`" + new string('x', SurvivorCatalog.OriginalLength) + "…`");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Strykers_test_runs_get_the_settings_through_the_table_and_the_root_the_harness_reads()
    {
        var settings = StrykerRun.TestRunSettings(new MutationPlan { OutputDirectory = "/tmp/kc-mutation", Patience = new Patience(2) });

        var vars = StrykerRun.TestRunVariables(settings);

        var read = HarnessSettings.FromVariables(name => vars.GetValueOrDefault(name));
        (read.Target, read.InMemoryMail, read.MailUrl, read.SmtpUri, read.EvidenceRoot, read.Patience.Factor, read.MailTimeout)
            .Should().Be((TargetKind.InProcess, true, null, null, "/tmp/kc-mutation/evidence", 2.0, settings.MailTimeout),
                "each test run sends its mail to an in-memory sink of its own, not to a mailbox every mutant's mail piles up in");
        HarnessVariables.Names.Should().OnlyContain(name => vars.ContainsKey(name), "every other setting is cleared, so the caller's shell does not leak in");
        vars.Keys.Where(k => k.StartsWith("KC_", StringComparison.Ordinal)).Should()
            .OnlyContain(k => HarnessVariables.Names.Contains(k) || k == "KC_MUTATION" || k == RepositoryLayout.RootVariable, "KC_ROOT and other names nothing reads are gone");
        vars["KC_MUTATION"].Should().Be("true");
        vars[RepositoryLayout.RootVariable].Should().Be(RepositoryLayout.RequireRoot());
        File.Exists(Path.Combine(vars[RepositoryLayout.RootVariable]!, "KratosConformance.sln")).Should().BeTrue("RepositoryLayout takes the variable only when the solution is there");
    }

    [Test]
    public void Every_row_of_the_survivor_doc_parses()
    {
        SurvivorCatalog.Malformed().Should().BeEmpty("a row the catalogue can not read explains no survivor");
        SurvivorCatalog.Keys().Should().NotBeEmpty();
    }
}
