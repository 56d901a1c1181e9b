using KratosConformance.Client.Kratos;
using KratosConformance.Suites.Checks;

namespace KratosConformance.Suites.Sms;

/// <summary>Scenario login.sms.aal2: the code sent by SMS through the courier's http channel completes aal2 (factors spec §10).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SmsAal2Tests : SmsTest
{
    private static IEnumerable<TestCaseData> Cases() => ConformanceCases.ForStyles(
        ConformanceProperties.Qualified("login", "sms", "aal2"),
        "factors §10.2-§10.5: pressing the phone's address button sends one SMS through courier.channels[sms] (the configured method, Content-Type and basic auth; the template's body with ctx.recipient, template_type login_code_valid, message_type sms, the version's text and template_data), recorded as type sms in the courier, no mail to the email address; the code completes aal2");

    [TestCaseSource(nameof(Cases))]
    public async Task Aal2(ClientStyle client)
    {
        var s = await SignedInWithSmsSentAsync(client);
        var o = Observe(await s.User.WhoAmIAsync(), "on /sessions/whoami while the SMS code is pending");
        var all = await SettledSmsAsync(s.Flows.Deployment, s.Phone, 1);
        SmsChecks.Exactly(o, all, 1, s.Phone, "one send, one SMS, factors spec §10.3");
        MailChecks.Count(o, await Scope.Mail.ListSettledAsync(s.Flows.Deployment, s.Identity.Email, 0), 0, "the code goes only to the address pressed (the phone), spec §2.8, factors spec §10.5");
        await CourierRecordedAsync(s, o, 1);
        await CompleteAsync(s, s.Flow, s.First.Code!);
    }
}
