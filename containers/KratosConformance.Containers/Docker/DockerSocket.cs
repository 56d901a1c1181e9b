using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace KratosConformance.Containers;

/// <summary>
/// A minimal client for the Docker Engine API over its unix socket. It exists because the questions asked before
/// Testcontainers may be touched (which API version? is the reaper image here?) must not initialise Testcontainers'
/// settings, which read the environment only once; and cleanup after Ctrl-C must not depend on the docker CLI.
/// </summary>
internal sealed class DockerSocket : IDisposable
{
    private readonly HttpClient _http;

    public DockerSocket(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
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
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string SocketPath { get; }

    /// <summary>The socket named by DOCKER_HOST when it is a unix socket, else the default one.</summary>
    public static string DefaultSocketPath
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            return host is not null && host.StartsWith("unix://", StringComparison.Ordinal)
                ? host["unix://".Length..]
                : "/var/run/docker.sock";
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    /// <summary>GET that answers null on 404, which the engine uses for "no such image/container".</summary>
    public async Task<JsonElement?> TryGetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
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
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
    }

    /// <summary>GET of a binary answer (e.g. a tar archive of a container path), read into memory.</summary>
    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    /// <summary>DELETE that tolerates 404 (already gone) so cleanup can be repeated safely.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await _http.DeleteAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public static string LabelFilter(string label) =>
        Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));

    public void Dispose() => _http.Dispose();
}
