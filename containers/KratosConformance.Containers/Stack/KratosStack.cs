using System.Collections.Concurrent;

namespace KratosConformance.Containers;

/// <summary>
/// Kratos (one per profile) and a mail sink on one fresh, labelled network. Kratos's courier is wired to the sink by
/// alias; everything is removed on dispose, also when the start fails halfway, and on Ctrl-C (via SessionCleanup).
/// </summary>
public sealed class KratosStack : IAsyncDisposable
{
    public const string MailAlias = "mail";

    private readonly KratosStackOptions _options;
    private readonly ConcurrentDictionary<string, KratosContainer> _kratos = new(StringComparer.Ordinal);
    private readonly IDisposable _registration;
    private readonly Lock _gate = new();
    private readonly List<Task> _starting = [];
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _smsGate = new(1, 1);
    private bool _disposed;

    private KratosStack(KratosStackOptions options, INetwork network, IMailSinkContainer mail)
    {
        _options = options;
        Network = network;
        Mail = mail;
        _registration = SessionCleanup.Register(this);
    }

    public INetwork Network { get; }

    public IMailSinkContainer Mail { get; }

    public IReadOnlyDictionary<string, KratosContainer> Kratos => _kratos;

    /// <summary>The SMS sink's container once <see cref="EnsureSmsSinkAsync"/> started it.</summary>
    public IContainer? SmsSink { get; private set; }

    /// <summary>
    /// Starts the SMS sink on the stack's network once (<see cref="SmsSinkContainer"/>): <paramref name="image"/> is the
    /// local smtp4dev image, <paramref name="assemblyPath"/> the sink's assembly. Returns its URL on this machine.
    /// </summary>
    public Task<Uri> EnsureSmsSinkAsync(string image, string assemblyPath, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(KratosStack), "The SMS sink was not started: the stack is being removed (the run was stopped).");
            }

            // Like a Kratos start: the removal stops and awaits it, so the sink never outlives the network.
            _starting.RemoveAll(t => t.IsCompleted);
            var start = EnsureSmsSinkCoreAsync(image, assemblyPath, ct);
            _starting.Add(start);
            return start;
        }
    }

    private async Task<Uri> EnsureSmsSinkCoreAsync(string image, string assemblyPath, CancellationToken callerToken)
    {
        await Task.Yield();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _closing.Token);
        var ct = linked.Token;
        await _smsGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (SmsSink is null)
            {
                var container = SmsSinkContainer.Build(image, assemblyPath, Network);
                try
                {
                    await container.StartAsync(ct).ConfigureAwait(false);
                }
                catch
                {
                    await container.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                SmsSink = container;
            }

            return SmsSinkContainer.HostUrl(SmsSink);
        }
        finally
        {
            _smsGate.Release();
        }
    }

    /// <summary>courier.smtp.connection_uri as every Kratos of this stack has it.</summary>
    public string MailConnectionUri => string.Create(
        CultureInfo.InvariantCulture, $"smtp://{MailAlias}:{MailSinks.InternalSmtpPort(_options.Mail)}/?disable_starttls=true");

    /// <summary>smtp4dev only: IMAP and POP3 as the host reaches them; null for sinks without them.</summary>
    public Uri? MailImapEndpoint => (Mail as Smtp4devContainer)?.GetImapEndpoint();

    public Uri? MailPop3Endpoint => (Mail as Smtp4devContainer)?.GetPop3Endpoint();

    public static async Task<KratosStack> StartAsync(KratosStackOptions options, CancellationToken ct = default)
    {
        DockerEnvironment.EnsureConfigured();
        if (await DockerEnvironment.CheckAvailableAsync(ct).ConfigureAwait(false) is { } noDocker)
        {
            throw new DockerProblemException(noDocker);
        }

        // Local images can never be pulled: say how to build them before Docker says "pull access denied".
        foreach (var image in new[] { options.KratosImage, options.MailImage ?? MailSinks.DefaultImage(options.Mail) }
                     .Where(i => i.StartsWith(DockerProblems.LocalImagePrefix, StringComparison.Ordinal)))
        {
            if (await DockerProblems.CheckImageAsync(image, ct).ConfigureAwait(false) is { } missing)
            {
                throw new DockerProblemException(missing);
            }
        }

        var network = new NetworkBuilder()
            .WithName($"{DockerEnvironment.SessionId}-{Guid.NewGuid().ToString("N")[..12]}")
            .WithLabel(DockerEnvironment.SessionLabels)
            .Build();
        KratosStack? stack = null;
        try
        {
            await network.CreateAsync(ct).ConfigureAwait(false);
            stack = new KratosStack(options, network, MailSinks.Build(options.Mail, options.MailImage, network, MailAlias));
            var starts = options.Profiles.Select(p => stack.StartKratosAsync(p, ct)).Prepend(stack.StartMailAsync(ct));
            await Task.WhenAll(starts).ConfigureAwait(false);
            return stack;
        }
        catch (Exception e) when (e is not OperationCanceledException || ct.IsCancellationRequested)
        {
            // Dispose what started, then rethrow: a half-started stack must not outlive the failure.
            if (stack is not null)
            {
                await stack.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await network.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public KratosContainer GetKratos(string profile) =>
        _kratos.TryGetValue(profile, out var kratos)
            ? kratos
            : throw new KeyNotFoundException($"No Kratos profile '{profile}' in this stack; started: {string.Join(", ", _kratos.Keys)}.");

    /// <summary>Starts one more Kratos on the running stack (under a second with the double).</summary>
    public Task<KratosContainer> AddKratosAsync(string profile, string configYml, string schemaJson, CancellationToken ct = default) =>
        StartKratosAsync(new KratosProfile(profile, configYml, schemaJson), ct);

    /// <summary>Starts one more Kratos on the running stack, as described by <paramref name="profile"/>.</summary>
    public Task<KratosContainer> AddKratosAsync(KratosProfile profile, CancellationToken ct = default) => StartKratosAsync(profile, ct);

    /// <summary>Stops and removes one Kratos of the stack (an upgrade stops version A before B migrates); the rest keep running.</summary>
    public async Task RemoveKratosAsync(string profile)
    {
        if (_kratos.TryRemove(profile, out var kratos))
        {
            await kratos.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every image the stack runs with its id and repository digests, for the report.</summary>
    public async Task<IReadOnlyList<StackImage>> GetImagesAsync(CancellationToken ct = default)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var names = _kratos.Values.Select(k => k.Image.FullName).Append(Mail.Image.FullName).Distinct(StringComparer.Ordinal);
        var images = new List<StackImage>();
        foreach (var name in names)
        {
            var inspect = await socket.GetJsonAsync($"images/{name}/json", ct).ConfigureAwait(false);
            var digests = inspect.TryGetProperty("RepoDigests", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
                ? list.EnumerateArray().Select(d => d.GetString() ?? string.Empty).ToArray()
                : [];
            images.Add(new StackImage(name, inspect.GetProperty("Id").GetString() ?? string.Empty, digests));
        }

        return images;
    }

    public async ValueTask DisposeAsync()
    {
        Task[] starting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            starting = [.. _starting];
        }

        // A test still running after an interruption may be starting a Kratos on this network: stop that start and
        // wait for it (it removes its own container), or the network outlives the run with that container on it.
        await _closing.CancelAsync().ConfigureAwait(false);
        // Only their end matters here: a failed start removed its own container and reported to its caller.
        await Task.WhenAll(starting.Select(s => s.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)))
            .ConfigureAwait(false);

        var sms = SmsSink is null ? [] : new[] { SmsSink.DisposeAsync().AsTask() };
        await Task.WhenAll(_kratos.Values.Select(k => k.DisposeAsync().AsTask()).Append(Mail.DisposeAsync().AsTask()).Concat(sms)).ConfigureAwait(false);
        await Network.DisposeAsync().ConfigureAwait(false);
        _registration.Dispose();
        _closing.Dispose();
    }

    private async Task StartMailAsync(CancellationToken ct)
    {
        try
        {
            await Mail.StartAsync(ct).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new DockerProblemException(
                $"The mail sink ({Mail.Image.FullName}) started but did not answer its HTTP API within {ContainerPatience.FromEnvironment().MailSinkReady.Expired}.", e);
        }
        catch (Exception e) when (DockerProblems.Explain(e, Mail.Image.FullName) is { } explanation)
        {
            throw new DockerProblemException(explanation, e);
        }
    }

    /// <summary>Starts a Kratos unless the stack is being removed; the start is tracked so removal can stop and await it.</summary>
    private Task<KratosContainer> StartKratosAsync(KratosProfile profile, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(KratosStack), $"Kratos profile '{profile.Name}' was not started: the stack is being removed (the run was stopped).");
            }

            // Only starts still running matter to the removal; finished ones are dropped so the list stays short.
            _starting.RemoveAll(t => t.IsCompleted);
            var start = StartKratosCoreAsync(profile, ct);
            _starting.Add(start);
            return start;
        }
    }

    private async Task<KratosContainer> StartKratosCoreAsync(KratosProfile profile, CancellationToken callerToken)
    {
        await Task.Yield();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _closing.Token);
        var ct = linked.Token;
        var builder = new KratosBuilder(profile.Image ?? _options.KratosImage)
            .WithConfig(profile.ConfigYml)
            .WithIdentitySchema(profile.IdentitySchemaFileName, profile.IdentitySchemaJson)
            .WithNetwork(Network)
            .WithNetworkAliases($"kratos-{profile.Name}")
            .WithEnvironment("COURIER_SMTP_CONNECTION_URI", MailConnectionUri)
            .WithEnvironment(_options.KratosEnvironment)
            .WithEnvironment(profile.Environment)
            .WithPatience(_options.Patience);
        if (profile.SqliteVolume is { } volume)
        {
            builder = builder.WithSqliteVolume(volume);
        }

        foreach (var (fileName, content) in profile.ConfigFiles)
        {
            builder = builder.WithIdentitySchema(fileName, content);
        }

        if (profile.PublicHostPort is { } port)
        {
            builder = builder.WithPublicHostPort(port);
        }

        var kratos = builder.Build();
        if (!_kratos.TryAdd(profile.Name, kratos))
        {
            await kratos.DisposeAsync().ConfigureAwait(false);
            throw new ArgumentException($"Profile '{profile.Name}' is already in this stack.", nameof(profile));
        }

        try
        {
            await kratos.StartAsync(ct).ConfigureAwait(false);
            return kratos;
        }
        catch
        {
            // A profile that failed to start is not part of the stack; the others keep running.
            _kratos.TryRemove(profile.Name, out _);
            await kratos.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
