using System.Runtime.InteropServices;
using Kratos.Double.Config;
using Kratos.Double.State;

namespace Kratos.Double.Cli;

/// <summary>
/// kratos serve (cmd/serve/root.go, cmd/daemon/serve.go): serves until SIGTERM or SIGINT, then shuts the httpds and
/// the courier down and exits 0. A config Kratos refuses, a database it can not use or a port it can not bind ends
/// the command the way cobra ends a failed RunE: the error, the usage, exit 1.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CommandSpec command, ParsedFlags flags, KratosDoubleOptions options, CancellationToken cancellationToken)
    {
        options.ConfigFiles = flags.Strings("config");
        options.Dev = options.Dev || flags.Bool("dev");
        options.WatchCourier = options.WatchCourier || flags.Bool("watch-courier");
        options.SqaOptOut = options.SqaOptOut || flags.Bool("sqa-opt-out");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        KratosDoubleHost host;
        try
        {
            host = await KratosDoubleHost.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is KratosDoubleConfigException or StorageUnavailableException or IOException)
        {
            await KratosDoubleCli.FailAsync(command, e.Message).ConfigureAwait(false);
            return 1;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
