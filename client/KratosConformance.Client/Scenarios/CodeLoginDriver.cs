using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Scenarios;

/// <summary>
/// The steps of a code-MFA login against one deployment, without checks: sign in with the password, create an aal2
/// flow, send the code, wait for it, submit it, ask whoami. Each step writes one evidence note (so steps.jsonl reads
/// like the scenario) and returns what Kratos answered; deciding whether that answer is right is the caller's job.
/// The suites wrap every step with the checks the spec demands; the bench runs the same steps to measure their cost.
/// </summary>
public sealed class CodeLoginDriver
{
    /// <summary>From the courier's send to the mail being listed: an SMTP transaction and the sink storing it, locally.</summary>
    private static readonly TimeSpan MailDelivery = TimeSpan.FromMilliseconds(500);

    /// <param name="deployment">The Kratos under test and its mailbox.</param>
    /// <param name="evidence">Where every exchange and mail of the scenario is recorded.</param>
    /// <param name="mailDeadline">How long a wait for a mail may take (the run's login-code mail deadline).</param>
    public CodeLoginDriver(KratosDeployment deployment, EvidenceRecorder evidence, Deadline mailDeadline)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        Deployment = deployment;
        Evidence = evidence;
        MailDeadline = mailDeadline;
        Courier = new KratosCourier(deployment.Endpoints.AdminUrl, patience: deployment.Endpoints.Patience);
    }

    public KratosDeployment Deployment { get; }

    public EvidenceRecorder Evidence { get; }

    public Deadline MailDeadline { get; }

    /// <summary>The deployment's courier queue: mail waits ask it whether a missing mail can still come.</summary>
    public KratosCourier Courier { get; }

    /// <summary>A new user agent of <paramref name="style"/> with its own cookie jar or token; the caller disposes it.</summary>
    public KratosClient NewClient(ClientStyle style) => KratosClient.Create(style, Deployment.Endpoints, Evidence, Deployment.Facts);

    /// <summary>A new identity with its own address (<paramref name="hint"/>, e.g. "wrong-code.spa"); the caller deletes it by disposing.</summary>
    public Task<TestIdentity> NewIdentityAsync(string hint, CancellationToken ct = default) =>
        new IdentityFactory(Deployment.Endpoints, Evidence).CreateAsync(hint, ct);

    /// <summary>The first factor: a new login flow and the password submitted to it (spec §8).</summary>
    public Task<KratosResponse> SignInWithPasswordAsync(KratosClient client, TestIdentity identity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(identity);
        Evidence.Note($"sign in with the password as {identity.Email}");
        return client.SignInWithPasswordAsync(identity.Email, identity.Password, ct);
    }

    /// <summary>Creates a login flow with <c>aal=aal2</c> (and <c>refresh=true</c> when asked), spec §2.3.</summary>
    public Task<KratosResponse> CreateAal2FlowAsync(KratosClient client, bool refresh = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Evidence.Note(refresh ? "create an aal2 refresh login flow" : "create an aal2 login flow");
        return client.CreateLoginFlowAsync(new LoginFlowOptions { Aal = "aal2", Refresh = refresh ? true : null }, ct);
    }

    /// <summary>
    /// Sends the code to <paramref name="address"/> by pressing its address button (spec §2.8: <c>address=…</c>, no
    /// method), unless the flow is in sent_email already because Kratos sent the code on creation (v26.2.0+ fast
    /// path, spec §2.6): then nothing is sent and the answer is null.
    /// </summary>
    public async Task<KratosResponse?> SendCodeAsync(KratosClient client, LoginFlow flow, string address, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(flow);
        if (flow.State == "sent_email")
        {
            Evidence.Note($"the code to {address} was sent when the flow was created");
            return null;
        }

        Evidence.Note($"press the address button for {address}");
        return await client.SubmitLoginAsync(flow, LoginSubmission.SendCodeTo(address), ct).ConfigureAwait(false);
    }

    /// <summary>Presses "resend": <c>method=code&amp;resend=code&amp;identifier=…</c> (spec §2.10).</summary>
    public Task<KratosResponse> ResendCodeAsync(KratosClient client, LoginFlow flow, string address, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Evidence.Note("press resend");
        return client.SubmitLoginAsync(flow, LoginSubmission.Resend(address), ct);
    }

    /// <summary>Submits <paramref name="code"/> the way the sent_email form does (method=code, code, the hidden identifier; spec §2.9).</summary>
    public Task<KratosResponse> SubmitCodeAsync(KratosClient client, LoginFlow flow, string code, string identifier, string what = "submit the code", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Evidence.Note(what);
        return client.SubmitLoginAsync(flow, LoginSubmission.Code(code, identifier), ct);
    }

    /// <summary>GET /sessions/whoami with the client's cookies or token (spec §4.1).</summary>
    public Task<KratosResponse> WhoAmIAsync(KratosClient client, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.WhoAmIAsync(ct);
    }

    /// <summary>
    /// Waits (within <see cref="MailDeadline"/>) for the <paramref name="nth"/> login-code mail to
    /// <paramref name="recipient"/> in the version's template and records it as a Mail evidence step. Throws a
    /// <see cref="MailWaitException"/> when it does not come: timed out, a mail in another template, or none queued.
    /// </summary>
    public async Task<LoginCodeMail> WaitForCodeAsync(string recipient, int nth, CancellationToken ct = default)
    {
        var mail = await Deployment.Mailbox.WaitForLoginCodeAsync(recipient, nth, Deployment.Facts.Version, MailDeadline, Courier, ct).ConfigureAwait(false);
        Evidence.RecordLoginCodeMail(mail, nth, recipient, Deployment.Mailbox.Description);
        return mail;
    }

    /// <summary>
    /// Waits (within <see cref="MailDeadline"/>) until <paramref name="count"/> mails of any kind reached
    /// <paramref name="recipient"/>, records the last of them, and returns them all, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(string recipient, int count, CancellationToken ct = default)
    {
        var mails = await Deployment.Mailbox.WaitForMailsAsync(recipient, count, MailDeadline, Courier, ct).ConfigureAwait(false);
        var mail = mails[count - 1];
        Evidence.RecordMail(mail, $"mail #{count} to {recipient}: {mail.Subject}", Deployment.Mailbox.Description);
        return mails;
    }

    /// <summary>
    /// How long a "no more mail" check watches the mailbox: Kratos's courier sends what it queued once every
    /// courier.worker.pull_wait (the deployment's config, Kratos's 1 s when unknown; courier/courier.go), so a stray
    /// mail queued with the awaited one can arrive one poll later; then the sink needs its delivery time. Scaled by the
    /// run's patience.
    /// </summary>
    public Deadline QuietWindow => MailDeadline.Patience.For(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no further mail (courier pull_wait {Deployment.Facts.CourierPullWait.TotalMilliseconds:0} ms + mail delivery)"),
        Deployment.Facts.CourierPullWait + MailDelivery);

    /// <summary>
    /// Every mail to <paramref name="recipient"/>, oldest first, once no more can be on its way: watched for
    /// <see cref="QuietWindow"/>, ending early when more than <paramref name="atMost"/> came. What the caller's count
    /// check reads.
    /// </summary>
    public Task<IReadOnlyList<ReceivedMail>> ListSettledMailAsync(string recipient, int atMost, CancellationToken ct = default)
    {
        var window = QuietWindow;
        Evidence.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"watch the mailbox of {recipient} for {window.Limit.TotalMilliseconds:0} ms ({window.Name}): no mail beyond {atMost} may come"));
        return Deployment.Mailbox.SettledAsync(recipient, atMost, window, ct);
    }

    /// <summary>A code that is certainly not <paramref name="code"/> and still six digits: every digit shifted by one.</summary>
    public static string WrongCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(code.Select(c => char.IsAsciiDigit(c) ? (char)('0' + ((c - '0' + 1) % 10)) : c).ToArray());
    }
}
