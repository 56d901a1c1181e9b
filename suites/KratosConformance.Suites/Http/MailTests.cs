using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Http;

/// <summary>Scenario mail: what the user receives for each send (spec §5.5, §2.8 step 4, §2.10).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MailTests : CodeMfaTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        "mail",
        "§5.5/§2.8/§2.10: exactly one mail per send, to the chosen address, in the version's subject and body, with a 6-digit code that completes the login");

    [TestCaseSource(nameof(Cases))]
    public async Task Mail(ClientStyle client)
    {
        var flows = await FlowsAsync();
        var identity = await NewIdentityAsync(flows.Deployment);
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);
        var created = await flows.StartAal2Async(user);
        var sent = await flows.SendCodeAsync(user, created, identity);

        // Raw mails, not "the login-code mail": a mail in the wrong template must fail here with its text, not time out.
        var first = (await Scope.Mail.WaitForMailsAsync(flows.Deployment, identity.Email, 1))[0];
        MailChecks.Recipient(sent, first, identity.Email);
        MailChecks.SixDigitCode(sent, first);
        MailChecks.Template(sent, first, flows.Expect.MailTemplate);
        MailChecks.ExpiresInLifespan(sent, first, flows.Deployment.Facts);
        MailChecks.From(sent, first, flows.Deployment.Facts);

        // A second send must add exactly one mail: the count is read once no further mail can come (the courier sends
        // on its pull_wait poll, so a duplicate may arrive one poll after the awaited mail).
        var resent = await flows.ResendAsync(user, FlowChecks.Flow(sent), identity);
        StatusChecks.FlowRendered(resent, client);
        var mails = await Scope.Mail.WaitForMailsAsync(flows.Deployment, identity.Email, 2);
        MailChecks.Count(resent, await Scope.Mail.ListSettledAsync(flows.Deployment, identity.Email, 2), 2, "one mail per send, spec §2.8 step 4, §2.10");
        var second = mails[1];
        MailChecks.Recipient(resent, second, identity.Email);
        MailChecks.SixDigitCode(resent, second);
        var code = MailChecks.Template(resent, second, flows.Expect.MailTemplate);
        MailChecks.Parts(resent, second, code);
        var queue = await Scope.Driver(flows.Deployment).Courier.ListAsync(identity.Email, lastErrors: false);
        CourierChecks.Recorded(resent, queue, mails, flows.Deployment.Facts.Dev == true);

        await flows.CompleteAsync(user, FlowChecks.Flow(resent), code, identity, "submitting the code from the latest mail");
        await flows.WhoAmIAal2Async(user, identity);
    }
}
