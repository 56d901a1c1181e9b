using KratosConformance.Cli.Commands;
using KratosConformance.Cli.Running;
using KratosConformance.Cli.Signals;
using KratosConformance.Containers;

namespace KratosConformance.Cli;

/// <summary>
/// kc's entry point: listens for SIGINT/SIGTERM, runs one command line, and when a signal stopped it removes what the
/// session started and ends with 130/143 even if test threads are still winding down.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var signals = SignalListener.Install(StandardStreams.Error);
        var code = KcCommandLine.Invoke(args, new CommandContext(StandardStreams.Out, StandardStreams.Error, signals));
        if (signals.Received is { } signal)
        {
            using var cleanup = new CancellationTokenSource(signals.Grace.Limit);
            try
            {
                SessionCleanup.DisposeAllAsync(cleanup.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException or HttpRequestException)
            {
                StandardStreams.Error.WriteLine($"kc: cleanup after {signal.Name} incomplete: {e.Message}");
            }

            StandardStreams.Out.Flush();
            // Test threads that did not finish in the grace would keep the process alive: end it here.
            Environment.Exit(signals.SignalIsNormalStop ? code : signal.ExitCode);
        }

        return code;
    }
}
