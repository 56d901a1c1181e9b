namespace KratosConformance.Containers;

/// <summary>
/// Runs `kratos migrate sql -e --yes` as a one-shot container with the same image, config, environment, networks and
/// (for a SQLite file) the same named volume, before Kratos itself starts: Kratos retries an unmigrated database for
/// minutes instead of serving it.
/// </summary>
internal static class KratosMigration
{
    public static async Task RunAsync(KratosConfiguration configuration, CancellationToken ct)
    {
        var deadline = configuration.EffectivePatience.KratosMigration;
        var builder = new ContainerBuilder(configuration.Image)
            .WithCommand("migrate", "sql", "-e", "--yes", "-c", KratosBuilder.ConfigPath)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithResourceMapping(Encoding.UTF8.GetBytes(configuration.ConfigYml ?? string.Empty), KratosBuilder.ConfigPath)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(
                new UntilExited(), o => o.WithMode(WaitStrategyMode.OneShot).WithTimeout(deadline.Limit)));
        foreach (var (name, text) in configuration.ConfigFiles ?? new Dictionary<string, string>())
        {
            builder = builder.WithResourceMapping(Encoding.UTF8.GetBytes(text), KratosBuilder.ConfigDirectory + name);
        }

        if (configuration.Environments is { } environment)
        {
            builder = builder.WithEnvironment(environment);
        }

        foreach (var network in configuration.Networks ?? [])
        {
            builder = builder.WithNetwork(network);
        }

        if (configuration.SqliteVolume is { } volume && KratosDsn.SqliteDirectory(configuration) is { } directory)
        {
            builder = builder.WithVolumeMount(volume, directory);
        }

        var job = builder.Build();
        await using (job.ConfigureAwait(false))
        {
            try
            {
                await job.StartAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var what = e is TimeoutException ? $"migration job did not exit within {deadline.Expired}" : "migration job did not run";
                throw KratosContainerException.StartFailed(configuration.Image.FullName, what, string.Empty, e);
            }

            var exitCode = await job.GetExitCodeAsync(ct).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var (stdout, stderr) = await job.GetLogsAsync(ct: ct).ConfigureAwait(false);
                throw KratosContainerException.StartFailed(
                    configuration.Image.FullName,
                    "migration job failed",
                    stdout + stderr,
                    new InvalidOperationException($"`kratos migrate sql -e --yes` exited with code {exitCode}; check the dsn"));
            }
        }
    }

    private sealed class UntilExited : IWaitUntil
    {
        public Task<bool> UntilAsync(IContainer container) =>
            Task.FromResult(container.State is TestcontainersStates.Exited or TestcontainersStates.Dead);
    }
}
