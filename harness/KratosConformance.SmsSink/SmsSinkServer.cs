using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KratosConformance.SmsSink;

/// <summary>
/// Receives every request except <c>GET /messages</c> and <c>GET /health</c> as an SMS gateway would (answering 200
/// <c>{}</c>, which Kratos's courier counts as sent) and lists them on <c>GET /messages?after=&lt;id&gt;&amp;wait=&lt;ms&gt;</c>:
/// the requests with an id above <c>after</c>, oldest first; with <c>wait</c> the answer is held until one arrives or
/// the wait (at most 30 s) passes, so a reader learns of a new SMS when it arrives instead of polling.
/// </summary>
public sealed class SmsSinkServer : IAsyncDisposable
{
    /// <summary>The path the harness configures as the courier channel's URL (any path other than the API's is received).</summary>
    public const string ReceivePath = "/sms";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly List<ReceivedRequest> _received = [];
    private readonly object _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private SmsSinkServer()
    {
    }

    /// <summary>http://host:port of the listening socket.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts on <paramref name="address"/>:<paramref name="port"/> (port 0: a free one, read back).</summary>
    public static async Task<SmsSinkServer> StartAsync(IPAddress address, int port, CancellationToken cancellationToken = default)
    {
        var sink = new SmsSinkServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        app.Run(sink.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        sink._app = app;
        var bound = new Uri(app.Urls.First());
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1" : address.ToString();
        sink.BaseUrl = new Uri($"http://{host}:{bound.Port}/");
        return sink;
    }

    /// <summary>What was received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && request.Path == "/health")
        {
            await WriteAsync(context, 200, "{\"status\":\"ok\"}").ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Path == "/messages")
        {
            await ListAsync(context).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.Select(h => (h.Key, h.Value.ToString())).ToList();
        lock (_gate)
        {
            _received.Add(new ReceivedRequest(_received.Count + 1, request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body, DateTimeOffset.UtcNow));
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await WriteAsync(context, 200, "{}").ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var after = long.TryParse(context.Request.Query["after"], out var a) ? a : 0;
        var wait = int.TryParse(context.Request.Query["wait"], out var w) ? TimeSpan.FromMilliseconds(Math.Clamp(w, 0, (int)MaxWait.TotalMilliseconds)) : TimeSpan.Zero;
        Task arrived;
        List<ReceivedRequest> newer;
        lock (_gate)
        {
            newer = _received.Where(r => r.Id > after).ToList();
            arrived = _arrived.Task;
        }

        if (newer.Count == 0 && wait > TimeSpan.Zero)
        {
            try
            {
                await arrived.WaitAsync(wait, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Nothing new within the wait: an empty list, as without wait.
            }

            lock (_gate)
            {
                newer = _received.Where(r => r.Id > after).ToList();
            }
        }

        await WriteAsync(context, 200, new JsonArray(newer.Select(r => (JsonNode)r.ToJson()).ToArray()).ToJsonString()).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
