using KratosConformance.Client;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Scenarios;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Evidence;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Expectations;

namespace KratosConformance.Suites;

/// <summary>
/// The resources one conformance test owns: its id, its evidence folder, the deployments it asked for (with one
/// scenario driver each), the identities and clients it made; its mail steps are <see cref="Mail"/>.
/// <see cref="ConformanceTest"/> creates one per test; a suite that cannot derive from it creates one in its own
/// [SetUp] with <see cref="ForCurrentTest"/> and finishes it in [TearDown] with <see cref="FinishAsync"/>.
/// </summary>
public sealed class ConformanceScope
{
    private readonly List<IAsyncDisposable> _identities = [];
    private readonly List<IDisposable> _clients = [];
    private readonly Dictionary<KratosDeployment, CodeLoginDriver> _drivers = [];
    private readonly object _gate = new();

    private ConformanceScope(string testId, EvidenceRecorder evidence, IConformanceTarget target, HarnessSettings settings)
    {
        TestId = testId;
        Evidence = evidence;
        Target = target;
        Settings = settings;
        StartedAt = DateTimeOffset.UtcNow;
        Mail = new MailSteps(this);
        Checks = new CheckLog(evidence);
    }

    /// <summary>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;; failure messages start with it.</summary>
    public string TestId { get; }

    /// <summary>The test's evidence at &lt;EvidenceRoot&gt;/&lt;id&gt;/.</summary>
    public EvidenceRecorder Evidence { get; }

    public IConformanceTarget Target { get; }
    public HarnessSettings Settings { get; }
    public DateTimeOffset StartedAt { get; }

    /// <summary>Waiting for and reading the test's mail; a mail that does not come fails as a conformance finding.</summary>
    public MailSteps Mail { get; }

    /// <summary>Every check this test ran, passed or not, recorded into its evidence.</summary>
    public CheckLog Checks { get; }

    /// <summary>The expectations of the deployment the test asked for last (all of a test's deployments share a version).</summary>
    public VersionExpectations? Expect { get; private set; }

    /// <summary>What a check looks at: <paramref name="response"/> taken <paramref name="situation"/>, recorded into this test's checks.</summary>
    /// <remarks>Every body is held to the fields Kratos documents as it arrives (recorded, not stopping: the scenario's
    /// own checks say more about what went wrong).</remarks>
    public Observation Observe(KratosResponse response, string situation)
    {
        var o = new Observation(TestId, situation, response) { Log = Checks, Expect = Expect };
        ShapeChecks.OnlyDocumentedFields(o.ContinueOnFailure());
        return o;
    }

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

        Driver(lookup.Deployment);
        Expect = expect;
        return (lookup.Deployment, expect);
    }

    /// <summary>
    /// The scenario steps against <paramref name="deployment"/>, recorded into this test's evidence, mail waits bounded
    /// by the run's login-code mail deadline (<see cref="HarnessSettings.MailDeadline"/>). One per deployment.
    /// </summary>
    public CodeLoginDriver Driver(KratosDeployment deployment)
    {
        lock (_gate)
        {
            if (!_drivers.TryGetValue(deployment, out var driver))
            {
                driver = new CodeLoginDriver(deployment, Evidence, Settings.MailDeadline);
                _drivers.Add(deployment, driver);
            }

            return driver;
        }
    }

    /// <summary>A fresh identity with its own address on <paramref name="deployment"/>; deleted when the test ends.</summary>
    public async Task<TestIdentity> NewIdentityAsync(KratosDeployment deployment, CancellationToken ct = default) =>
        Keep(await new IdentityFactory(deployment.Endpoints, Evidence).CreateAsync(IdentityHint, ct));

    /// <summary>
    /// A new identity with two code addresses; not applicable where the deployment's identity schema has no second
    /// code trait (Kratos answers 400 to the unknown trait), since the scenario needs one.
    /// </summary>
    public async Task<TestIdentity> NewIdentityWithSecondAddressAsync(KratosDeployment deployment, CancellationToken ct = default)
    {
        try
        {
            return Keep(await new IdentityFactory(deployment.Endpoints, Evidence).CreateWithSecondAddressAsync(IdentityHint, ct));
        }
        catch (IdentityCreationException e) when (e.Status == 400)
        {
            NotApplicable.Because(
                $"the deployment's identity schema has no optional second code address trait '{IdentityFactory.SecondAddressTrait}' "
                + "(code identifier, via email; see fixtures/profiles/base/identity.schema.json), so an identity with two code addresses can not be made");
            throw;
        }
    }

    /// <summary>
    /// A new identity with a phone number as second code address (via sms, factors spec §10.1); not applicable where the
    /// deployment's identity schema has no such trait (Kratos answers 400 to the unknown trait).
    /// </summary>
    public async Task<TestIdentity> NewIdentityWithPhoneAsync(KratosDeployment deployment, CancellationToken ct = default)
    {
        try
        {
            return Keep(await new IdentityFactory(deployment.Endpoints, Evidence).CreateWithPhoneAsync(IdentityHint, ct));
        }
        catch (IdentityCreationException e) when (e.Status == 400)
        {
            NotApplicable.Because(
                $"the deployment's identity schema has no optional trait '{IdentityFactory.PhoneTrait}' that is a code identifier via sms "
                + "(see fixtures/profiles/sms.schema.json), so an identity with a phone code address can not be made");
            throw;
        }
    }

    /// <summary>A new user agent of <paramref name="style"/> (own cookie jar / token), recorded into this test's evidence.</summary>
    public KratosClient NewClient(ClientStyle style, KratosDeployment deployment)
    {
        var client = Driver(deployment).NewClient(style);
        lock (_gate)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>The admin API of <paramref name="deployment"/>, recorded into this test's evidence.</summary>
    public KratosAdminClient Admin(KratosDeployment deployment) => new(deployment.Endpoints, Evidence);

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

    /// <summary>"wrong-code.spa", "login.totp.window.spa": the address of a test's identity names the test.</summary>
    private string IdentityHint =>
        TestId.StartsWith(ConformanceProperties.IdPrefix, StringComparison.Ordinal) ? TestId[ConformanceProperties.IdPrefix.Length..] : TestId;

    private TestIdentity Keep(TestIdentity identity)
    {
        lock (_gate)
        {
            _identities.Add(identity);
        }

        return identity;
    }

    private async Task RecordKratosLogAsync()
    {
        KratosDeployment[] deployments;
        lock (_gate)
        {
            deployments = [.. _drivers.Keys];
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
