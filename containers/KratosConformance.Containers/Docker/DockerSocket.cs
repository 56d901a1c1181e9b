using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace KratosConformance.Containers;

/// <summary>
/// A minimal client for the Docker Engine API over its unix socket, or over plain TCP when DOCKER_HOST is tcp://… (a
/// remote engine; TLS engines are not supported by this client). It exists because the questions asked before
/// Testcontainers may be touched (which API version? is the reaper image here?) must not initialise Testcontainers'
/// settings, which read the environment only once; and cleanup after Ctrl-C must not depend on the docker CLI.
/// </summary>
internal sealed class DockerSocket : IDisposable
{
    private readonly HttpClient _http;
    private readonly ContainerDeadline _deadline;

    /// <summary>
    /// A client of the engine at <paramref name="socketPath" /> (a unix socket's path, or tcp://host:port) whose every
    /// request is bounded by <paramref name="deadline" /> (default: the "Docker API request" deadline at KC_PATIENCE).
    /// </summary>
    public DockerSocket(string socketPath, ContainerDeadline? deadline = null)
    {
        SocketPath = socketPath;
        _deadline = deadline ?? ContainerPatience.FromEnvironment().DockerRequest;
        var tcp = IsTcp(socketPath) ? new Uri(socketPath) : null;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = tcp is null
                    ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                    : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    if (tcp is null)
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await socket.ConnectAsync(tcp.Host, tcp.Port, ct).ConfigureAwait(false);
                    }

                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        // The host name is never resolved: every connection goes to the socket.
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = _deadline.Limit };
    }

    public string SocketPath { get; }

    /// <summary>How to name this engine to a user: unix:///var/run/docker.sock or tcp://host:port.</summary>
    public string Address => AddressOf(SocketPath);

    /// <summary>
    /// The engine DOCKER_HOST names: a unix socket's path (unix://…), tcp://host:port as given (a remote engine, as
    /// the docker CLI and Testcontainers take it), else the default socket's path.
    /// </summary>
    public static string DefaultSocketPath
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            return host is not null && host.StartsWith("unix://", StringComparison.Ordinal)
                ? host["unix://".Length..]
                : host is not null && IsTcp(host) ? host : "/var/run/docker.sock";
        }
    }

    public static bool IsTcp(string socketPath) => socketPath.StartsWith("tcp://", StringComparison.Ordinal);

    public static string AddressOf(string socketPath) => IsTcp(socketPath) ? socketPath : "unix://" + socketPath;

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.GetAsync(new Uri(path, UriKind.Relative), t), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    /// <summary>GET that answers null on 404, which the engine uses for "no such image/container".</summary>
    public async Task<JsonElement?> TryGetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.GetAsync(new Uri(path, UriKind.Relative), t), ct).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    /// <summary>POST with a JSON body; answers the JSON the engine returns (e.g. the id of a created container).</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object body, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, t), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    /// <summary>POST without a body (e.g. images/create, a pull); answers the status and the whole streamed answer.</summary>
    public async Task<(int Status, string Body)> PostAsync(string path, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.PostAsync(new Uri(path, UriKind.Relative), null, t), ct).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
    }

    /// <summary>GET of a binary answer (e.g. a tar archive of a container path), read into memory.</summary>
    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.GetAsync(new Uri(path, UriKind.Relative), t), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    /// <summary>DELETE that tolerates 404 (already gone) so cleanup can be repeated safely.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await BoundedAsync(path, t => _http.DeleteAsync(new Uri(path, UriKind.Relative), t), ct).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Runs one request; a request that outlives the deadline (HttpClient's timeout, not the caller's token) becomes a
    /// <see cref="DockerProblemException" /> naming the request, the deadline and the setting that raises it.
    /// </summary>
    private async Task<HttpResponseMessage> BoundedAsync(string path, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            return await send(ct).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DockerProblemException(
                $"The Docker daemon at {Address} did not answer {path.Split('?')[0]} within {_deadline.Expired}: it is overloaded or hung; check `docker info`.", e);
        }
    }

    public static string LabelFilter(string label) =>
        Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));

    public void Dispose() => _http.Dispose();
}
