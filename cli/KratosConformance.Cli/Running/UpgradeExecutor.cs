using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Upgrade;
using KratosConformance.Reports.Compare;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// kc upgrade's steps: A migrated and started on the upgrade's database, the population seeded through A's APIs, the
/// suite on A, A stopped, B's migrate sql on the same database, B started, the population verified on B, the suite
/// on B (the run's report), the compare of the two suite runs, and the upgrade section beside the report. The
/// database and everything started for it are removed at the end, also on failure or a signal.
/// </summary>
public sealed class UpgradeExecutor(UpgradePlan plan, TextWriter console, Func<string?> interruption)
{
    public async Task<(UpgradeOutcome Outcome, bool SuitePassed, string RunDirectory)> ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var runDir = RunDirectory.Create(plan.OutRoot, started);
        var work = Directory.CreateDirectory(Path.Combine(runDir.Path, "upgrade")).FullName;
        var steps = new List<string>();
        var findings = new List<UpgradeFinding>();
        string? error = null;
        var suitePassed = false;
        await using var kratosLog = new StreamWriter(Path.Combine(work, "kratos.log")) { AutoFlush = true };
        var database = await plan.Database(kratosLog, cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            try
            {
                Say(steps, $"A ({plan.From.Label}): migrate sql -e --yes: " + await database.MigrateAsync(plan.From.Version.ToString(), plan.From.Image, [], cancellationToken).ConfigureAwait(false));
                SeededPopulation population;
                string? runA = null;
                await using (var a = await database.StartAsync(plan.From.Version.ToString(), plan.From.Image, [], cancellationToken).ConfigureAwait(false))
                {
                    Say(steps, $"A: started {a.Description}");
                    population = await new UpgradeSeeder(Steps(a, Path.Combine(work, "evidence-seed"), new UpgradeMailCounter()), Identities(a), Admin(a)).SeedAsync(cancellationToken).ConfigureAwait(false);
                    Say(steps, $"A: seeded {population.Identities.Count} users ({string.Join(", ", population.Identities.Select(i => $"{i.Role}: {string.Join(" + ", i.Factors)}"))}), "
                        + $"{population.Sessions.Count} sessions, 1 login in flight ({population.InFlight.StateBefore})");
                    if (plan.Suites)
                    {
                        runA = SuiteRun(a, Path.Combine(work, "suite-a"), "A", cancellationToken).RunPath;
                    }
                }

                await database.ClearMailAsync(cancellationToken).ConfigureAwait(false);
                Say(steps, "A: stopped; its mails deleted from the sink (B's mail waits count B's mails)");
                Say(steps, $"B ({plan.To.Label}): migrate sql -e --yes: " + await database.MigrateAsync(plan.To.Version.ToString(), plan.To.Image, plan.Deviations, cancellationToken).ConfigureAwait(false));
                await using var b = await database.StartAsync(plan.To.Version.ToString(), plan.To.Image, plan.Deviations, cancellationToken).ConfigureAwait(false);
                Say(steps, $"B: started {b.Description}");
                findings.AddRange(await new UpgradeVerifier(Steps(b, Path.Combine(work, "evidence-verify"), new UpgradeMailCounter()), Admin(b)).VerifyAsync(population, plan.From.Label, cancellationToken).ConfigureAwait(false));
                foreach (var person in population.Identities)
                {
                    person.Dispose();
                }

                Say(steps, $"B: verified: {findings.Count(f => f.Passed)} of {findings.Count} findings as Kratos keeps them");
                if (runA is null)
                {
                    suitePassed = true;
                    Say(steps, "suite runs left out (--no-suite)");
                }
                else
                {
                    var runB = SuiteRun(b, runDir, "B", cancellationToken);
                    suitePassed = runB.Passed;
                    var comparison = RunComparer.Compare(runA, runDir.Path);
                    await ComparisonMarkdownWriter.WriteAsync(comparison, runDir.Path, CancellationToken.None).ConfigureAwait(false);
                    await ComparisonHtmlWriter.WriteAsync(comparison, runDir.Path, CancellationToken.None).ConfigureAwait(false);
                    Say(steps, $"compare of the suite on A ({Path.GetRelativePath(runDir.Path, runA)}) and on B: compare.md, compare.html");
                }
            }
            catch (Exception e) when (e is UpgradeStepException or KratosConformance.Client.Mail.MailWaitException or KratosConformance.Client.Waiting.DeadlineExpiredException
                or Kratos.Double.Config.KratosDoubleConfigException or Kratos.Double.State.StorageUnavailableException or HttpRequestException
                or KratosConformance.Containers.KratosContainerException or KratosConformance.Containers.DockerProblemException)
            {
                error = e.Message;
                console.WriteLine("kc upgrade: " + e.Message);
            }
        }

        var outcome = new UpgradeOutcome
        {
            From = plan.From.Label, To = plan.To.Label, Database = database.Description, Deviations = plan.Deviations, Steps = steps, Findings = findings, Error = error,
        };
        await UpgradeReportWriter.WriteAsync(outcome, runDir.Path, CancellationToken.None).ConfigureAwait(false);
        return (outcome, suitePassed, runDir.Path);
    }

    private void Say(List<string> steps, string line)
    {
        steps.Add(line);
        console.WriteLine("kc upgrade: " + line);
    }

    /// <summary>The seeding's or verification's steps, their exchanges and mails recorded in <paramref name="directory"/> (secrets masked).</summary>
    private FactorSteps Steps(UpgradeKratos kratos, string directory, UpgradeMailCounter mails)
    {
        var recorder = new EvidenceRecorder(directory, new SecretMasker(reveal: false));
        return new FactorSteps(new CodeLoginDriver(kratos.Deployment, recorder, plan.Settings.MailDeadline), mails);
    }

    private static IdentityFactory Identities(UpgradeKratos kratos) => new(kratos.Deployment.Endpoints, EvidenceRecorder.Discarding());

    private static KratosAdminClient Admin(UpgradeKratos kratos) => new(kratos.Deployment.Endpoints, EvidenceRecorder.Discarding());

    /// <summary>
    /// The whole suite against one running version, as an external deployment (it is one: kc started it and the suite
    /// must not restart it); the upgrade's SMS sink is its --sms-url, so the SMS scenarios run on A and B too.
    /// </summary>
    private (string RunPath, bool Passed) SuiteRun(UpgradeKratos kratos, RunDirectory runDir, string side, CancellationToken cancellationToken)
    {
        console.WriteLine($"kc upgrade: the conformance suite on {side} ({kratos.Version})");
        var settings = plan.Settings with
        {
            Target = TargetKind.External,
            PublicUrl = kratos.Deployment.Endpoints.PublicUrl,
            AdminUrl = kratos.Deployment.Endpoints.AdminUrl,
            MailUrl = kratos.MailUrl,
            SmsUrl = kratos.Deployment.SmsSinkUrl,
            ConfigFile = kratos.ConfigFile,
            ConfigOverlay = null,
            EvidenceRoot = Path.Combine(runDir.Path, RunDirectory.EvidenceFolderName),
        };
        var verdict = RunExecutor.Execute(new RunPlan(settings, plan.Filter, plan.Workers, null), runDir, DateTimeOffset.Now, console, interruption, cancellationToken);
        return (runDir.Path, verdict.Passed);
    }

    private (string RunPath, bool Passed) SuiteRun(UpgradeKratos kratos, string outRoot, string side, CancellationToken cancellationToken) =>
        SuiteRun(kratos, RunDirectory.Create(outRoot, DateTimeOffset.Now), side, cancellationToken);
}
