using System.Net;
using KratosConformance.SmsSink;

// The sink as its own program, in a container on the run's Docker network: every interface, port 8080 unless
// SMS_SINK_PORT says otherwise; stops on SIGTERM (docker stop).
var port = int.TryParse(Environment.GetEnvironmentVariable("SMS_SINK_PORT"), out var p) ? p : 8080;
await using var sink = await SmsSinkServer.StartAsync(IPAddress.Any, port).ConfigureAwait(false);
Console.WriteLine($"sms-sink listening on {sink.BaseUrl}");
using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var stopped = new TaskCompletionSource();
using var registration = stop.Token.Register(() => stopped.TrySetResult());
await stopped.Task.ConfigureAwait(false);
