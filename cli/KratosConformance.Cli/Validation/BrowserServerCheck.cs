using System.Net.WebSockets;
using KratosConformance.Cli.Errors;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// --browser-ws: a Playwright server must accept a WebSocket there before the run starts, so an unreachable or wrong
/// endpoint is one exit-2 message within seconds instead of a failed browser test per scenario after each one's
/// connect timeout. Only the WebSocket handshake is made (it is closed again at once); the protocol is Playwright's.
/// </summary>
public static class BrowserServerCheck
{
    public static async Task CheckAsync(Uri endpoint, Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(deadline);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline.Limit);
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "kc preflight", limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"--browser-ws {endpoint}: no WebSocket handshake within {deadline.Limit.TotalSeconds:0} s ({deadline.Name}): check that the Playwright server runs and is reachable from here, or raise --patience.");
        }
        catch (WebSocketException e)
        {
            throw new CliException($"--browser-ws {endpoint}: no Playwright server answers there ({Cause(e)}): start one (e.g. npx playwright run-server --port 3000 --host 127.0.0.1, or Playwright's launch-server) and give the endpoint it prints, or leave --browser-ws out to launch Debian's Chromium here.");
        }
    }

    private static string Cause(Exception e) =>
        e.InnerException is { } inner ? Cause(inner) : e.Message.TrimEnd('.');
}
