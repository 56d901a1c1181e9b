using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Bench;

/// <summary>
/// One seed-scenario flow done the way the suites do it: an identity from <see cref="IdentityFactory"/>, a
/// <see cref="KratosClient"/> recording every exchange into evidence on disk, the code from the deployment's mailbox
/// reader, recorded as a mail step. Only the outcome checks are left out: they are in-memory comparisons.
/// </summary>
public sealed class HarnessFlow(KratosDeployment deployment, string evidenceRoot)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the flow and returns how many requests it sent to Kratos (public and admin).</summary>
    public async Task<FlowRun> RunAsync(string scenario, ClientStyle style, int repetition, CancellationToken ct)
    {
        var id = $"login.code-mfa.{scenario}.{style.Id()}";
        var evidence = new EvidenceRecorder(Path.Combine(evidenceRoot, $"{id}.{repetition}"), new SecretMasker(reveal: false));
        var mailWait = new System.Diagnostics.Stopwatch();
        var identity = await new IdentityFactory(deployment.Endpoints, evidence).CreateAsync($"{scenario}.{style.Id()}", ct);
        try
        {
            using var client = KratosClient.Create(style, deployment.Endpoints, evidence, deployment.Facts);
            var signIn = await client.SignInWithPasswordAsync(identity.Email, identity.Password, ct);
            BenchFlowException.Expect(signIn.Status is 200 or 303 or 422 && signIn.Flow is null, "an aal1 session from the password", signIn.Describe());

            var flow = await StartWithCodeSentAsync(client, identity, scenario == SeedScenarios.Aal2Refresh, ct);
            var code = (await WaitForCodeAsync(evidence, identity.Email, 1, mailWait, ct)).Code;
            if (scenario == SeedScenarios.Resend)
            {
                var resent = await client.SubmitLoginAsync(flow, LoginSubmission.Resend(identity.Email), ct);
                flow = SentEmail(resent, "the flow after a resend");
                var second = (await WaitForCodeAsync(evidence, identity.Email, 2, mailWait, ct)).Code;
                flow = await RejectedAsync(client, flow, code, identity, ct);
                code = second;
            }
            else if (scenario == SeedScenarios.WrongCode)
            {
                flow = await RejectedAsync(client, flow, SeedScenarios.Wrong(code), identity, ct);
            }

            var done = await client.SubmitLoginAsync(flow, LoginSubmission.Code(code, identity.Email), ct);
            BenchFlowException.Expect(done.Status == (style == ClientStyle.Browser ? 303 : 200) && done.Flow is null, "the code to complete the login", done.Describe());
            var whoami = await client.WhoAmIAsync(ct);
            BenchFlowException.Expect(whoami.Status == 200 && whoami.Session?.Aal == "aal2", "an aal2 session on whoami", whoami.Describe());
        }
        finally
        {
            await identity.DisposeAsync();
        }

        return new FlowRun(evidence.Steps.Count(s => s.Kind == EvidenceKind.Http), mailWait.Elapsed.TotalMilliseconds);
    }

    private async Task<LoginFlow> StartWithCodeSentAsync(KratosClient client, TestIdentity identity, bool refresh, CancellationToken ct)
    {
        var created = await client.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", Refresh = refresh ? true : null }, ct);
        BenchFlowException.Expect(created.Flow is not null, "an aal2 flow", created.Describe());
        if (created.Flow!.State == "sent_email")
        {
            return created.Flow;
        }

        var sent = await client.SubmitLoginAsync(created.Flow, LoginSubmission.SendCodeTo(identity.Email), ct);
        return SentEmail(sent, "the flow after pressing the address button");
    }

    private static async Task<LoginFlow> RejectedAsync(KratosClient client, LoginFlow flow, string code, TestIdentity identity, CancellationToken ct)
    {
        var rejected = await client.SubmitLoginAsync(flow, LoginSubmission.Code(code, identity.Email), ct);
        var again = SentEmail(rejected, "the flow after an invalid code");
        BenchFlowException.Expect(again.MessageIds.Contains(4010008), "message 4010008 after an invalid code", $"[{string.Join(", ", again.MessageIds)}]");
        return again;
    }

    private static LoginFlow SentEmail(KratosResponse response, string what)
    {
        BenchFlowException.Expect(response.Flow?.State == "sent_email", what + " in state sent_email", response.Describe());
        return response.Flow!;
    }

    private async Task<LoginCodeMail> WaitForCodeAsync(EvidenceRecorder evidence, string recipient, int nth, System.Diagnostics.Stopwatch mailWait, CancellationToken ct)
    {
        mailWait.Start();
        var mail = await deployment.Mailbox.WaitForLoginCodeAsync(recipient, nth, deployment.Facts.Version, MailTimeout, ct);
        mailWait.Stop();
        evidence.RecordLoginCodeMail(mail, nth, recipient, deployment.Mailbox.Description);
        return mail;
    }
}
