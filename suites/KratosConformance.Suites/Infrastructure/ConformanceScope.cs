using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Mail;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Evidence;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites;

/// <summary>
/// Everything one conformance test owns: its id, its evidence folder, the deployments it asked for, the identities
/// and clients it made. <see cref="ConformanceTest"/> creates one per test; a suite that cannot derive from it (the
/// Playwright suite derives from Playwright's base classes) creates one in its own [SetUp] with
/// <see cref="ForCurrentTest"/> and disposes it in [TearDown] with <see cref="FinishAsync"/>. Stable API: the Browser
/// suite depends on it.
/// </summary>
public sealed class ConformanceScope
{
    /// <summary>How long a code mail may take (style principle 4: every wait has a deadline); KC_MAIL_TIMEOUT.</summary>
    public TimeSpan MailTimeout => Settings.MailTimeout;

    private readonly List<IAsyncDisposable> _identities = [];
    private readonly List<IDisposable> _clients = [];
    private readonly List<KratosDeployment> _deployments = [];
    private readonly object _gate = new();

    private ConformanceScope(string testId, EvidenceRecorder evidence, IConformanceTarget target, HarnessSettings settings)
    {
        TestId = testId;
        Evidence = evidence;
        Target = target;
        Settings = settings;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;; failure messages start with it.</summary>
    public string TestId { get; }

    /// <summary>The test's evidence at &lt;EvidenceRoot&gt;/&lt;id&gt;/.</summary>
    public EvidenceRecorder Evidence { get; }

    public IConformanceTarget Target { get; }
    public HarnessSettings Settings { get; }
    public DateTimeOffset StartedAt { get; }

    /// <summary>The scope of the running NUnit test; its id is the ConformanceId property (the test name otherwise).</summary>
    public static ConformanceScope ForCurrentTest()
    {
        var test = TestContext.CurrentContext.Test;
        var id = test.Properties.Get(ConformanceProperties.ConformanceId) as string ?? test.Name;
        var settings = ConformanceRun.Settings;
        var directory = Path.Combine(settings.EvidenceRoot, id);
        // The folder belongs to this test id alone; a previous run's steps would otherwise be appended to.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var evidence = new EvidenceRecorder(directory, new SecretMasker(settings.RevealSecrets));
        return new ConformanceScope(id, evidence, ConformanceRun.Target, settings);
    }

    /// <summary>
    /// The deployment for <paramref name="profile"/> and the expectations of its version. Ends the test as not
    /// applicable when the target cannot provide the profile (e.g. an external deployment has one fixed config) or
    /// when the version is one the suites do not cover.
    /// </summary>
    public async Task<(KratosDeployment Deployment, VersionExpectations Expect)> DeploymentAsync(string profile, CancellationToken ct = default)
    {
        var lookup = await Target.GetDeploymentAsync(profile, ct);
        if (lookup.Deployment is null)
        {
            NotApplicable.Because($"profile '{profile}' is not available on target {Target.Name}: {lookup.NotAvailableReason}");
        }

        var expect = VersionExpectations.For(lookup.Deployment.Facts);
        if (expect.UnsupportedReason is { } reason)
        {
            NotApplicable.Because(reason);
        }

        lock (_gate)
        {
            _deployments.Add(lookup.Deployment);
        }

        return (lookup.Deployment, expect);
    }

    /// <summary>A fresh identity with its own address on <paramref name="deployment"/>; deleted when the test ends.</summary>
    public async Task<TestIdentity> NewIdentityAsync(KratosDeployment deployment, CancellationToken ct = default)
    {
        var hint = TestId.StartsWith(ConformanceProperties.IdPrefix, StringComparison.Ordinal) ? TestId[ConformanceProperties.IdPrefix.Length..] : TestId;
        var identity = await new IdentityFactory(deployment.Endpoints, Evidence).CreateAsync(hint, ct);
        lock (_gate)
        {
            _identities.Add(identity);
        }

        return identity;
    }

    /// <summary>
    /// A new identity with two code addresses; not applicable where the deployment's identity schema has no second
    /// code trait (Kratos answers 400 to the unknown trait), since the scenario needs one.
    /// </summary>
    public async Task<TestIdentity> NewIdentityWithSecondAddressAsync(KratosDeployment deployment, CancellationToken ct = default)
    {
        var hint = TestId.StartsWith(ConformanceProperties.IdPrefix, StringComparison.Ordinal) ? TestId[ConformanceProperties.IdPrefix.Length..] : TestId;
        TestIdentity identity;
        try
        {
            identity = await new IdentityFactory(deployment.Endpoints, Evidence).CreateWithSecondAddressAsync(hint, ct);
        }
        catch (IdentityCreationException e) when (e.Status == 400)
        {
            NotApplicable.Because(
                $"the deployment's identity schema has no optional second code address trait '{IdentityFactory.SecondAddressTrait}' "
                + "(code identifier, via email; see fixtures/profiles/base/identity.schema.json), so an identity with two code addresses can not be made");
            throw;
        }

        lock (_gate)
        {
            _identities.Add(identity);
        }

        return identity;
    }

    /// <summary>A new user agent of <paramref name="style"/> (own cookie jar / token), recorded into this test's evidence.</summary>
    public KratosClient NewClient(ClientStyle style, KratosDeployment deployment)
    {
        var client = KratosClient.Create(style, deployment.Endpoints, Evidence, deployment.Facts);
        lock (_gate)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>The admin API of <paramref name="deployment"/>, recorded into this test's evidence.</summary>
    public KratosAdminClient Admin(KratosDeployment deployment) => new(deployment.Endpoints, Evidence);

    /// <summary>
    /// Waits (at most <see cref="MailTimeout"/>) for the <paramref name="nth"/> login-code mail to
    /// <paramref name="recipient"/> in the version's template, and records it as a Mail evidence step.
    /// </summary>
    public async Task<LoginCodeMail> WaitForCodeAsync(KratosDeployment deployment, string recipient, int nth, CancellationToken ct = default)
    {
        LoginCodeMail mail;
        try
        {
            mail = await deployment.Mailbox.WaitForLoginCodeAsync(recipient, nth, deployment.Facts.Version, MailTimeout, ct);
        }
        catch (MailWaitTimeoutException e)
        {
            throw MailDidNotArrive($"login-code mail #{nth}", $"receive login-code mail #{nth} in the {LoginCodeTemplates.For(deployment.Facts.Version)} template", e);
        }

        Evidence.RecordLoginCodeMail(mail, nth, recipient, deployment.Mailbox.Description);
        return mail;
    }

    /// <summary>
    /// Waits (at most <see cref="MailTimeout"/>) until <paramref name="count"/> mails of any kind reached
    /// <paramref name="recipient"/>; for checks of the mail itself, where a template mismatch must not look like a timeout.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(KratosDeployment deployment, string recipient, int count, CancellationToken ct = default)
    {
        IReadOnlyList<ReceivedMail> mails;
        try
        {
            mails = await deployment.Mailbox.WaitForMailsAsync(recipient, count, MailTimeout, ct);
        }
        catch (MailWaitTimeoutException e)
        {
            throw MailDidNotArrive($"mail #{count}", $"receive {count} mail(s)", e);
        }

        foreach (var mail in mails.Skip(count - 1).Take(1))
        {
            Evidence.Record(new EvidenceStep
            {
                Seq = 0,
                Kind = EvidenceKind.Mail,
                Title = $"mail #{count} to {recipient}: {mail.Subject}",
                Mail = new MailEvidence { From = mail.From, To = mail.To, Subject = mail.Subject, Body = mail.TextBody, MessageId = mail.MessageId, Reader = deployment.Mailbox.Description },
            });
        }

        return mails;
    }

    /// <summary>Every mail to <paramref name="recipient"/> now in the mailbox, oldest first.</summary>
    public Task<IReadOnlyList<ReceivedMail>> ListMailAsync(KratosDeployment deployment, string recipient, CancellationToken ct = default) =>
        deployment.Mailbox.ListAsync(recipient, ct);

    /// <summary>
    /// Ends the test: on failure, writes Kratos's log lines since the test started as a Log evidence step (the
    /// deployment's view of what went wrong); then deletes identities and disposes clients.
    /// </summary>
    public async Task FinishAsync(bool failed)
    {
        if (failed)
        {
            await RecordKratosLogAsync();
        }

        List<IAsyncDisposable> identities;
        List<IDisposable> clients;
        lock (_gate)
        {
            identities = [.. _identities];
            clients = [.. _clients];
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var identity in identities)
        {
            await identity.DisposeAsync();
        }
    }

    // A missing mail is a conformance finding (spec §2.8 step 4), so it fails in the house format like any check, naming
    // the request that should have sent it and listing what the mailbox did hold (style principle 4).
    private ConformanceCheckException MailDidNotArrive(string what, string expectation, MailWaitTimeoutException e)
    {
        var last = Evidence.LastHttp;
        var seen = e.Seen.Count == 0 ? "(no mail for this address)" : string.Join("; ", e.Seen.Select(m => $"\"{m.Subject}\""));
        return new ConformanceCheckException(new CheckFailure
        {
            TestId = TestId,
            Headline = what + " did not arrive",
            Subject = "the mailbox of " + e.Recipient,
            Expectation = $"{expectation} within {MailTimeout.TotalSeconds:0} s",
            Situation = "after the code was sent (spec §2.8 step 4, §5.5)",
            Actual = $"after {e.Waited.TotalMilliseconds:0} ms ({e.Tries} tries) it held {e.Seen.Count} mail(s) for the address",
            ExpectedValue = what,
            ActualValue = seen,
            Hint = e.Message,
            Request = last is null ? null : $"{last.Method} {FlowDescription.ShortenIds(new Uri(last.Url).PathAndQuery)} -> {last.Status} (the last request before the wait)",
        });
    }

    private async Task RecordKratosLogAsync()
    {
        KratosDeployment[] deployments;
        lock (_gate)
        {
            deployments = [.. _deployments.Distinct()];
        }

        foreach (var deployment in deployments.Where(d => d.ReadLogAsync is not null))
        {
            try
            {
                var lines = await deployment.ReadLogAsync!(StartedAt, CancellationToken.None);
                var file = Evidence.WriteFile($"kratos-{deployment.Profile}.log", Evidence.Masker.Mask(string.Join('\n', lines)));
                Evidence.Record(new EvidenceStep
                {
                    Seq = 0,
                    Kind = EvidenceKind.Log,
                    Title = $"Kratos log ({deployment.Profile}) since the test started: {lines.Count} line(s)",
                    File = file,
                });
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException)
            {
                Evidence.Note($"Kratos log ({deployment.Profile}) could not be read: {e.Message}");
            }
        }
    }
}
