using System.Net.Sockets;

namespace KratosConformance.Containers;

/// <summary>
/// Derives the three Testcontainers settings this project's machines need from the daemon itself instead of
/// hard-coding them, explains a missing daemon in words a user can act on, and removes what a session left behind.
/// </summary>
public static class DockerEnvironment
{
    /// <summary>The label every container and network the project starts carries; cleanup selects by it.</summary>
    public const string SessionLabel = "kratos-conformance.session";

    /// <summary>The reaper image Testcontainers 4.16 starts; the reaper stays on only when this image is already local.</summary>
    public const string ReaperImage = "testcontainers/ryuk:0.14.0";

    private static readonly Lock Gate = new();
    private static DockerSettings? _settings;

    /// <summary>
    /// This process's session id. KC_SESSION_ID lets the CLI hand its own id to the test process, so that the CLI can
    /// remove whatever a killed test process left.
    /// </summary>
    public static string SessionId { get; } = Environment.GetEnvironmentVariable("KC_SESSION_ID") is { Length: > 0 } id
        ? id
        : string.Create(CultureInfo.InvariantCulture, $"kc-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}");

    /// <summary>
    /// The labels to put on every resource this session starts: the session (what kc removes at its exit) and the
    /// owning process (<see cref="RunOwner" />: what the start-up sweep judges by, so a killed run's leftovers go and
    /// a live run's stay).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SessionLabels { get; } = RunOwner.Current is { } owner
        ? new Dictionary<string, string> { [SessionLabel] = SessionId, [RunOwner.Label] = owner.LabelValue }
        : new Dictionary<string, string> { [SessionLabel] = SessionId };

    /// <summary>unix:// or tcp:// address of the daemon this project talks to (DOCKER_HOST, else the default socket).</summary>
    public static string Endpoint => DockerSocket.AddressOf(DockerSocket.DefaultSocketPath);

    /// <summary>
    /// Sets DOCKER_API_VERSION, TESTCONTAINERS_RYUK_DISABLED and TESTCONTAINERS_HOST_OVERRIDE (each only when the user
    /// has not set it) and returns what was decided and why. Idempotent. It blocks on purpose: Testcontainers reads
    /// these variables once, when its settings are first touched, so this must run before any builder is created, also
    /// from constructors; the daemon answers over a local socket in milliseconds.
    /// </summary>
    public static DockerSettings EnsureConfigured()
    {
        lock (Gate)
        {
            return _settings ??= Task.Run(() => DeriveAsync(CancellationToken.None)).GetAwaiter().GetResult();
        }
    }

    /// <summary>Null when a daemon answers; otherwise what is wrong and what to do about it.</summary>
    public static async Task<string?> CheckAvailableAsync(CancellationToken ct = default)
    {
        var path = DockerSocket.DefaultSocketPath;
        var address = DockerSocket.AddressOf(path);
        var alternatives = DockerSocket.IsTcp(path)
            ? "start it there or fix DOCKER_HOST (a remote engine: tcp://host:port, plain TCP), or unset DOCKER_HOST for the local one"
            : "start it (./kc starts dockerd on Debian), or use --target external / --target inprocess";
        if (!DockerSocket.IsTcp(path) && !File.Exists(path))
        {
            return $"No Docker daemon answers at unix://{path}: the socket does not exist. Docker is not installed or not running: {alternatives}.";
        }

        using var socket = new DockerSocket(path);
        try
        {
            var version = await socket.GetJsonAsync("version", ct).ConfigureAwait(false);
            return version.TryGetProperty("ApiVersion", out _) ? null : $"{address} answered, but not like a Docker daemon: {alternatives}.";
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AccessDenied })
        {
            return $"The Docker daemon at {address} refuses this user: run as root or join the docker group, or use --target external / --target inprocess.";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException)
        {
            return $"No Docker daemon answers at {address} ({e.GetBaseException().Message}): {alternatives}.";
        }
        catch (DockerProblemException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Force-removes every container, then every network and volume, labelled with <paramref name="sessionId" />. This is how
    /// cleanup works after a failure or Ctrl-C, since the reaper is off on machines that can not pull it.
    /// Returns the number of resources removed.
    /// </summary>
    public static async Task<int> RemoveLeftoversAsync(string sessionId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var filter = DockerSocket.LabelFilter($"{SessionLabel}={sessionId}");
        var removed = 0;
        // A network or volume can not go while a container still uses it (Docker answers 409), and a stack being
        // disposed at the same time (the run winding down after a signal) may still be detaching one: try again, a
        // short poll, until nothing is left or the cleanup deadline ends it.
        var deadline = ContainerPatience.FromEnvironment().Cleanup;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(deadline.Limit);
        try
        {
            while (true)
            {
                var containers = await socket.GetJsonAsync($"containers/json?all=true&filters={filter}", limit.Token).ConfigureAwait(false);
                foreach (var container in containers.EnumerateArray())
                {
                    removed += await TryDeleteAsync(socket, $"containers/{container.GetProperty("Id").GetString()}?force=true&v=true", limit.Token).ConfigureAwait(false);
                }

                var networks = await socket.GetJsonAsync($"networks?filters={filter}", limit.Token).ConfigureAwait(false);
                foreach (var network in networks.EnumerateArray())
                {
                    removed += await TryDeleteAsync(socket, $"networks/{network.GetProperty("Id").GetString()}", limit.Token).ConfigureAwait(false);
                }

                foreach (var volume in await VolumesAsync(socket, filter, limit.Token).ConfigureAwait(false))
                {
                    removed += await TryDeleteAsync(socket, $"volumes/{volume}", limit.Token).ConfigureAwait(false);
                }

                var left = await ListSessionResourcesAsync(sessionId, limit.Token).ConfigureAwait(false);
                if (left.Count == 0)
                {
                    return removed;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new DockerProblemException(
                $"Resources of session {sessionId} were still in use when {deadline.Expired} expired; the next kc removes them (label {SessionLabel}={sessionId}).");
        }
    }

    /// <summary>
    /// 1 when removed (or already gone), 0 when Docker refused for now: a volume or container in use answers 409, a
    /// network with active endpoints 403 (and some daemons 500) while a container is still being detached. The caller's
    /// loop tries again within the cleanup deadline, which also ends a refusal that never goes away.
    /// </summary>
    private static async Task<int> TryDeleteAsync(DockerSocket socket, string path, CancellationToken ct)
    {
        try
        {
            await socket.DeleteAsync(path, ct).ConfigureAwait(false);
            return 1;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Lists containers, networks and volumes that still carry the session label (for tests and diagnostics).</summary>
    public static async Task<IReadOnlyList<string>> ListSessionResourcesAsync(string sessionId, CancellationToken ct = default)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var filter = DockerSocket.LabelFilter($"{SessionLabel}={sessionId}");
        var containers = await socket.GetJsonAsync($"containers/json?all=true&filters={filter}", ct).ConfigureAwait(false);
        var networks = await socket.GetJsonAsync($"networks?filters={filter}", ct).ConfigureAwait(false);
        var volumes = await VolumesAsync(socket, filter, ct).ConfigureAwait(false);
        return
        [
            .. containers.EnumerateArray().Select(c => "container " + c.GetProperty("Id").GetString()),
            .. networks.EnumerateArray().Select(n => "network " + n.GetProperty("Name").GetString()),
            .. volumes.Select(v => "volume " + v),
        ];
    }

    /// <summary>Names of the volumes carrying the label filter (GET /volumes answers {"Volumes": [...]} or null).</summary>
    private static async Task<IReadOnlyList<string>> VolumesAsync(DockerSocket socket, string filter, CancellationToken ct)
    {
        var answer = await socket.GetJsonAsync($"volumes?filters={filter}", ct).ConfigureAwait(false);
        return answer.TryGetProperty("Volumes", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(v => v.GetProperty("Name").GetString() ?? string.Empty)]
            : [];
    }

    private static async Task<DockerSettings> DeriveAsync(CancellationToken ct)
    {
        var notes = new List<string>();
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);

        var apiVersion = Environment.GetEnvironmentVariable("DOCKER_API_VERSION");
        if (string.IsNullOrEmpty(apiVersion))
        {
            try
            {
                var version = await socket.GetJsonAsync("version", ct).ConfigureAwait(false);
                apiVersion = version.GetProperty("ApiVersion").GetString();
                Environment.SetEnvironmentVariable("DOCKER_API_VERSION", apiVersion);
                notes.Add($"DOCKER_API_VERSION={apiVersion} (read from the daemon; Testcontainers' client would otherwise ask for a newer one)");
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or DockerProblemException)
            {
                // No daemon: leave the rest alone; CheckAvailableAsync explains it to the user.
                return new DockerSettings(Endpoint, null, null, null, ["no daemon answered; nothing derived"]);
            }
        }
        else
        {
            notes.Add($"DOCKER_API_VERSION={apiVersion} (set by the user)");
        }

        var reaperDisabled = Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED");
        if (string.IsNullOrEmpty(reaperDisabled))
        {
            var image = Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_CONTAINER_IMAGE") is { Length: > 0 } custom ? custom : ReaperImage;
            var present = await socket.TryGetJsonAsync($"images/{image}/json", ct).ConfigureAwait(false) is not null;
            reaperDisabled = present ? "false" : "true";
            if (!present)
            {
                Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
            }

            notes.Add(present
                ? $"reaper on ({image} is present)"
                : $"TESTCONTAINERS_RYUK_DISABLED=true ({image} is not present and may not be pullable; the project removes its resources by the {SessionLabel} label instead)");
        }

        var hostOverride = Environment.GetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE");
        if (string.IsNullOrEmpty(hostOverride) && DaemonSharesOurNetwork())
        {
            hostOverride = "127.0.0.1";
            Environment.SetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE", hostOverride);
            notes.Add("TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (this process runs in a container, /.dockerenv, but the daemon runs beside it: published ports are on loopback, not on the bridge gateway Testcontainers would pick)");
        }

        return new DockerSettings(Endpoint, apiVersion, !bool.Parse(reaperDisabled), hostOverride, notes);
    }

    /// <summary>
    /// Inside a container (/.dockerenv) Testcontainers assumes the daemon is on the host and uses the bridge gateway.
    /// When the daemon runs in this very container (its docker0 bridge is one of our interfaces), ports are published
    /// here, on loopback. The daemon's pid file naming a live dockerd of ours says the same when its docker0 bridge is gone
    /// (it is not needed by the project's own networks; another daemon stopping on this machine once removed it).
    /// </summary>
    private static bool DaemonSharesOurNetwork() =>
        File.Exists("/.dockerenv") && (Directory.Exists("/sys/class/net/docker0") || DockerdRunsHere());

    private static bool DockerdRunsHere()
    {
        try
        {
            var pid = File.ReadAllText("/var/run/docker.pid").Trim();
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "dockerd";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
