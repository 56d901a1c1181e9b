namespace KratosConformance.Containers;

/// <summary>A Kratos container whose public URL is fixed before start and whose start failures explain themselves.</summary>
public sealed class KratosContainer : DockerContainer
{
    private readonly KratosConfiguration _configuration;

    public KratosContainer(KratosConfiguration configuration)
        : base(configuration)
    {
        _configuration = configuration;
    }

    /// <summary>The public API as the host reaches it; also Kratos's own serve.public.base_url.</summary>
    public Uri GetPublicUrl() => PublicUrlFor(_configuration.PublicHostPort
        ?? throw new InvalidOperationException("The public port is chosen by KratosBuilder.Build(); build with it."));

    /// <summary>The admin API as the host reaches it (random host port).</summary>
    public Uri GetAdminUrl() => new UriBuilder(Uri.UriSchemeHttp, Hostname, GetMappedPublicPort(KratosBuilder.AdminPort)).Uri;

    /// <summary>Kratos's stdout and stderr since <paramref name="since" /> (UTC), interleaved as Docker stored them.</summary>
    public async Task<string> GetLogsSinceAsync(DateTime since, CancellationToken ct = default)
    {
        var (stdout, stderr) = await GetLogsAsync(since, default, false, ct).ConfigureAwait(false);
        return stdout + stderr;
    }

    public override async Task StartAsync(CancellationToken ct = default)
    {
        if (KratosDsn.NeedsMigration(_configuration))
        {
            await KratosMigration.RunAsync(_configuration, ct).ConfigureAwait(false);
        }

        try
        {
            await base.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (_configuration.PublicHostPort is { } port && HostPortTakenException.IsCollision(e))
            {
                throw new HostPortTakenException(port, _configuration.Image.FullName, e);
            }

            var log = await TryGetLogAsync().ConfigureAwait(false);
            var what = e is TimeoutException
                ? $"did not become ready within {_configuration.EffectivePatience.KratosReady.Expired}"
                : "did not become ready";
            throw KratosContainerException.StartFailed(_configuration.Image.FullName, what, log, e);
        }
    }

    /// <summary>Removes the container, then the SQLite volume it shared with the migration job (named volumes outlive containers).</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore().ConfigureAwait(false);
        if (_configuration.SqliteVolume is { } volume && _configuration.SqliteVolumeShared != true)
        {
            await volume.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static Uri PublicUrlFor(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private async Task<string> TryGetLogAsync()
    {
        try
        {
            var (stdout, stderr) = await GetLogsAsync(default, default, false, CancellationToken.None).ConfigureAwait(false);
            return stdout + stderr;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The container may never have been created (missing image); the exception says so instead of a log.
            return string.Empty;
        }
    }
}
