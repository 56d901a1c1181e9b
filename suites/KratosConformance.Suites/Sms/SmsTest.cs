using System.Globalization;
using KratosConformance.Client;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Sms;
using KratosConformance.Harness.Profiles;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;
using KratosConformance.Suites.Http;

namespace KratosConformance.Suites.Sms;

/// <summary>
/// Base of the SMS scenarios (factors spec §10): the sms profile's deployment (courier http channel to an SMS sink), an
/// identity with email and phone as code addresses, the code sent by pressing the phone's address button (two
/// addresses: no auto-send at any version, §10.5), and the SMS read from the sink, checked as Kratos builds it.
/// </summary>
public abstract class SmsTest : CodeMfaTest
{
    private static readonly System.Net.Http.HttpClient SinkHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Dictionary<Uri, SmsSinkReader> _readers = [];

    /// <summary>Everything a scenario acts on once the code went out by SMS.</summary>
    protected sealed record SmsSent(Flows Flows, SmsExpectations Sms, TestIdentity Identity, string Phone, KratosClient User, LoginFlow Flow, ReceivedSms First);

    /// <summary>Signs in at aal1, opens an aal2 flow, presses the phone's address button and reads SMS #1 (checked).</summary>
    protected async Task<SmsSent> SignedInWithSmsSentAsync(ClientStyle client)
    {
        var flows = await FlowsAsync(KratosProfiles.Sms);
        var identity = await Scope.NewIdentityWithPhoneAsync(flows.Deployment);
        var phone = identity.Phone!;
        var user = NewClient(client, flows.Deployment);
        await flows.SignInAal1Async(user, identity);

        Step("create an aal2 login flow (email and phone as code addresses)");
        var created = Observe(await user.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2" }), "after creating an aal2 login flow for an identity with a phone code address");
        StatusChecks.FlowCreated(created, client);
        FlowChecks.State(created, "choose_method", "two code addresses: nothing is sent until the user picks one, factors spec §10.5, spec §2.6");
        NodeChecks.Present(created, CodeFormChecks.AddressButton(phone, "sms"), "one address button per code address, the phone's with value = the E.164 number, factors spec §10.5");

        Step($"press the address button for {phone}");
        var sent = Observe(await user.SubmitLoginAsync(FlowChecks.Flow(created), LoginSubmission.SendCodeTo(phone)), "after pressing the phone's address button");
        StatusChecks.FlowRendered(sent, client);
        FlowChecks.State(sent, "sent_email", "the state keeps its name for SMS, factors spec §10.5");
        MessageChecks.ExactlyIds(sent, [flows.Expect.CodeSentMessageId], "the code-sent info, factors spec §10.5");

        var sms = new SmsExpectations(flows.Expect);
        var first = await WaitForSmsAsync(flows.Deployment, phone, 1);
        if (KnowsTemplate)
        {
            SmsChecks.RequestAsConfigured(sent.ContinueOnFailure(), first);
            SmsChecks.BodyFor(sent.ContinueOnFailure(), first, phone, sms);
        }

        return new SmsSent(flows, sms, identity, phone, user, FlowChecks.Flow(sent), first);
    }

    /// <summary>
    /// Whether the request's exact shape can be checked: the harness's own sms profile (fixtures/profiles/sms.yml) set
    /// the channel's method, auth and template. An external deployment's sink gets the team's own template; there the
    /// reader's contract (docs/sms-sink.md: the number and the code somewhere in the body) is what is read.
    /// </summary>
    protected bool KnowsTemplate => Scope.Settings.Target != Harness.Targets.TargetKind.External;

    /// <summary>Submits a code as the sent_email form does, with the phone as the hidden identifier.</summary>
    protected async Task<Observation> SubmitAsync(SmsSent s, LoginFlow flow, string code, string situation) =>
        Observe(await Scope.Driver(s.Flows.Deployment).SubmitCodeAsync(s.User, flow, code, s.Phone, situation), "after " + situation);

    /// <summary>Submits the SMS code and checks the login completed at aal2 (factors spec §10.5: method code), then whoami.</summary>
    protected async Task CompleteAsync(SmsSent s, LoginFlow flow, string code, string situation = "submitting the code sent by SMS")
    {
        var o = await SubmitAsync(s, flow, code, situation);
        StatusChecks.LoginSucceeded(o, s.User.Style);
        if (o.Response.Session is { } session)
        {
            SessionChecks.Aal(o, session, "aal2", "the SMS code completes the second factor, factors spec §10.5");
        }

        await s.Flows.WhoAmIAal2Async(s.User, s.Identity);
    }

    /// <summary>The courier queue's record of the SMS sent to the phone so far (factors spec §10.3).</summary>
    protected async Task CourierRecordedAsync(SmsSent s, Observation o, int expected)
    {
        var queue = await Scope.Driver(s.Flows.Deployment).Courier.ListSmsAsync(s.Phone);
        SmsChecks.Recorded(o, queue, expected, s.Phone);
    }

    /// <summary>SMS #<paramref name="nth"/> to <paramref name="phone"/> with its code, within the run's code deadline; its absence is a finding.</summary>
    protected async Task<ReceivedSms> WaitForSmsAsync(KratosDeployment deployment, string phone, int nth)
    {
        var reader = Reader(deployment);
        try
        {
            var sms = await reader.WaitForAsync(phone, nth, Scope.Settings.MailDeadline);
            Evidence.Note($"SMS #{nth.ToString(CultureInfo.InvariantCulture)} to {phone}: {sms.Method} {sms.Path} {sms.Body}");
            if (sms.Code is null)
            {
                throw Finding($"SMS #{nth.ToString(CultureInfo.InvariantCulture)} to {phone} carries no login code", "carry the code in ctx.template_data.login_code and the text \"Your login code is: <code>\"", sms.Body);
            }

            return sms;
        }
        catch (SmsWaitTimeoutException e)
        {
            throw Finding($"no SMS #{nth.ToString(CultureInfo.InvariantCulture)} to {phone}", "reach the SMS gateway through courier.channels[sms]", e.Message);
        }
    }

    /// <summary>Every SMS to <paramref name="phone"/> once no more can be on its way (the courier's pull_wait plus delivery, as for mail).</summary>
    protected async Task<IReadOnlyList<ReceivedSms>> SettledSmsAsync(KratosDeployment deployment, string phone, int atMost)
    {
        var reader = Reader(deployment);
        var window = Scope.Driver(deployment).QuietWindow;
        var ends = DateTimeOffset.UtcNow + window.Limit;
        var seen = await reader.ListForAsync(phone, TimeSpan.Zero);
        while (seen.Count <= atMost && DateTimeOffset.UtcNow < ends)
        {
            seen = await reader.ListForAsync(phone, ends - DateTimeOffset.UtcNow);
        }

        return seen;
    }

    private SmsSinkReader Reader(KratosDeployment deployment)
    {
        var url = deployment.SmsSinkUrl ?? throw new InvalidOperationException($"The deployment of profile {deployment.Profile} has no SMS sink (its config has no sms courier channel).");
        if (!_readers.TryGetValue(url, out var reader))
        {
            reader = new SmsSinkReader(url, SinkHttp, deployment.Endpoints.Patience);
            _readers[url] = reader;
        }

        return reader;
    }

    private ConformanceCheckException Finding(string headline, string expectation, string actual) => new(new CheckFailure
    {
        TestId = TestId,
        Headline = headline,
        Subject = "the SMS sink",
        Expectation = expectation,
        Situation = "after the code was sent by SMS (factors spec §10.3)",
        Actual = actual,
        ExpectedValue = "an SMS with the login code",
        ActualValue = actual,
        Hint = "Check courier.channels (id sms, type http, request_config.url/body) and GET /admin/courier/messages.",
    });
}
