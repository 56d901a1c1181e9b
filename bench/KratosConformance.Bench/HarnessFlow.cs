using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Scenarios;
using KratosConformance.Client.Waiting;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Bench;

/// <summary>
/// One seed-scenario flow done the way the suites do it: the suites' own scenario driver (<see cref="CodeLoginDriver"/>:
/// an identity over the admin API, clients recording every exchange into evidence on disk, the one mail wait with the
/// courier's queue, the mail recorded as a step). Only the suites' checks are left out; the bench keeps the few
/// in-memory expectations that tell a broken flow from a slow one (<see cref="BenchFlowException"/>).
/// </summary>
public sealed class HarnessFlow(KratosDeployment deployment, string evidenceRoot, Deadline mailDeadline)
{
    /// <summary>Runs the flow and returns how many requests it sent to Kratos (public and admin) and how long it waited for mail.</summary>
    /// <exception cref="MailWaitException">A code mail did not come (timed out, another template, none queued).</exception>
    public async Task<FlowRun> RunAsync(string scenario, ClientStyle style, int repetition, CancellationToken ct)
    {
        var id = $"login.code-mfa.{scenario}.{style.Id()}";
        var evidence = new EvidenceRecorder(Path.Combine(evidenceRoot, $"{id}.{repetition}"), new SecretMasker(reveal: false));
        var driver = new CodeLoginDriver(deployment, evidence, mailDeadline);
        var mailWait = new System.Diagnostics.Stopwatch();
        var identity = await driver.NewIdentityAsync($"{scenario}.{style.Id()}", ct);
        try
        {
            using var client = driver.NewClient(style);
            var signIn = await driver.SignInWithPasswordAsync(client, identity, ct);
            BenchFlowException.Expect(signIn.Status is 200 or 303 or 422 && signIn.Flow is null, "an aal1 session from the password", signIn.Describe());

            var flow = await StartWithCodeSentAsync(driver, client, identity, scenario == SeedScenarios.Aal2Refresh, ct);
            var code = (await TimedAsync(mailWait, () => driver.WaitForCodeAsync(identity.Email, 1, ct))).Code;
            if (scenario == SeedScenarios.Resend)
            {
                var resent = await driver.ResendCodeAsync(client, flow, identity.Email, ct);
                flow = SentEmail(resent, "the flow after a resend");
                var second = (await TimedAsync(mailWait, () => driver.WaitForCodeAsync(identity.Email, 2, ct))).Code;
                flow = await RejectedAsync(driver, client, flow, code, identity, ct);
                code = second;
            }
            else if (scenario == SeedScenarios.WrongCode)
            {
                flow = await RejectedAsync(driver, client, flow, CodeLoginDriver.WrongCode(code), identity, ct);
            }

            var done = await driver.SubmitCodeAsync(client, flow, code, identity.Email, ct: ct);
            BenchFlowException.Expect(done.Status == (style == ClientStyle.Browser ? 303 : 200) && done.Flow is null, "the code to complete the login", done.Describe());
            var whoami = await driver.WhoAmIAsync(client, ct);
            BenchFlowException.Expect(whoami.Status == 200 && whoami.Session?.Aal == "aal2", "an aal2 session on whoami", whoami.Describe());
        }
        finally
        {
            await identity.DisposeAsync();
        }

        return new FlowRun(evidence.Steps.Count(s => s.Kind == EvidenceKind.Http), mailWait.Elapsed.TotalMilliseconds);
    }

    private static async Task<LoginFlow> StartWithCodeSentAsync(CodeLoginDriver driver, KratosClient client, TestIdentity identity, bool refresh, CancellationToken ct)
    {
        var created = await driver.CreateAal2FlowAsync(client, refresh, ct);
        BenchFlowException.Expect(created.Flow is not null, "an aal2 flow", created.Describe());
        var sent = await driver.SendCodeAsync(client, created.Flow!, identity.Email, ct);
        return sent is null ? created.Flow! : SentEmail(sent, "the flow after pressing the address button");
    }

    private static async Task<LoginFlow> RejectedAsync(CodeLoginDriver driver, KratosClient client, LoginFlow flow, string code, TestIdentity identity, CancellationToken ct)
    {
        var rejected = await driver.SubmitCodeAsync(client, flow, code, identity.Email, "submit an invalid code", ct);
        var again = SentEmail(rejected, "the flow after an invalid code");
        BenchFlowException.Expect(again.MessageIds.Contains(4010008), "message 4010008 after an invalid code", $"[{string.Join(", ", again.MessageIds)}]");
        return again;
    }

    private static LoginFlow SentEmail(KratosResponse response, string what)
    {
        BenchFlowException.Expect(response.Flow?.State == "sent_email", what + " in state sent_email", response.Describe());
        return response.Flow!;
    }

    /// <summary>Only the wait for the mail is timed (the recording of the mail step happens inside the driver's wait, and is the suites' cost too).</summary>
    private static async Task<LoginCodeMail> TimedAsync(System.Diagnostics.Stopwatch mailWait, Func<Task<LoginCodeMail>> wait)
    {
        mailWait.Start();
        try
        {
            return await wait();
        }
        finally
        {
            mailWait.Stop();
        }
    }
}
