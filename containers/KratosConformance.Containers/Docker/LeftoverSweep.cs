using System.Text.Json;

namespace KratosConformance.Containers;

/// <summary>
/// Removes the containers (running or not), networks and volumes that runs left when they died without cleaning up
/// (SIGKILL, a lost CI runner, a crash), and only those: a resource is removed when its <see cref="RunOwner" /> label
/// names a process that is gone. A live run's resources, in whatever state (also <c>created</c>, between Docker's
/// create and start), are never touched, nor is anything whose owner can not be judged from here. Resources of
/// older versions of this project carry only the session label (<c>kc-&lt;time&gt;-&lt;pid&gt;-…</c>); they are
/// removed only when no process with that PID exists at all. ./kc runs this at the start of every command that uses
/// Docker.
/// </summary>
public static class LeftoverSweep
{
    /// <summary>Sweeps once; answers what was removed, one line per resource, for the start-up message.</summary>
    public static Task<IReadOnlyList<string>> RunAsync(ContainerPatience? patience = null, CancellationToken ct = default) =>
        RunAsync(DockerEnvironment.SessionLabel, patience, ct);

    /// <summary>
    /// Sweeps among the resources carrying <paramref name="label" /> ("key" or "key=value"; every project resource
    /// carries the session label): self-tests narrow it to their own resources on a daemon shared with other runs.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string label, ContainerPatience? patience = null, CancellationToken ct = default)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath, (patience ?? ContainerPatience.FromEnvironment()).DockerRequest);
        var filter = DockerSocket.LabelFilter(label);
        var removed = new List<string>();

        var containers = await socket.GetJsonAsync($"containers/json?all=true&filters={filter}", ct).ConfigureAwait(false);
        foreach (var container in containers.EnumerateArray())
        {
            var name = container.TryGetProperty("Names", out var names) && names.GetArrayLength() > 0 ? names[0].GetString()?.TrimStart('/') : null;
            await RemoveIfOrphanedAsync(socket, "container", name ?? Id(container), container, $"containers/{Id(container)}?force=true&v=true", removed, ct).ConfigureAwait(false);
        }

        // Networks and volumes after the containers that used them.
        var networks = await socket.GetJsonAsync($"networks?filters={filter}", ct).ConfigureAwait(false);
        foreach (var network in networks.EnumerateArray())
        {
            await RemoveIfOrphanedAsync(socket, "network", network.GetProperty("Name").GetString() ?? Id(network), network, $"networks/{Id(network)}", removed, ct).ConfigureAwait(false);
        }

        var volumes = await socket.GetJsonAsync($"volumes?filters={filter}", ct).ConfigureAwait(false);
        if (volumes.TryGetProperty("Volumes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var volume in list.EnumerateArray())
            {
                var name = volume.GetProperty("Name").GetString() ?? string.Empty;
                await RemoveIfOrphanedAsync(socket, "volume", name, volume, $"volumes/{name}", removed, ct).ConfigureAwait(false);
            }
        }

        return removed;
    }

    /// <summary>Every container, network and volume carrying the session label, in any state.</summary>
    public static async Task<IReadOnlyList<LabelledResource>> ListAsync(CancellationToken ct = default)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        var filter = DockerSocket.LabelFilter(DockerEnvironment.SessionLabel);
        var containers = await socket.GetJsonAsync($"containers/json?all=true&filters={filter}", ct).ConfigureAwait(false);
        var networks = await socket.GetJsonAsync($"networks?filters={filter}", ct).ConfigureAwait(false);
        var volumes = await socket.GetJsonAsync($"volumes?filters={filter}", ct).ConfigureAwait(false);
        return
        [
            .. containers.EnumerateArray().Select(c => new LabelledResource("container", Id(c), Labels(c))),
            .. networks.EnumerateArray().Select(n => new LabelledResource("network", n.GetProperty("Name").GetString() ?? Id(n), Labels(n))),
            .. (volumes.TryGetProperty("Volumes", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [])
                .Select(v => new LabelledResource("volume", v.GetProperty("Name").GetString() ?? string.Empty, Labels(v))),
        ];
    }

    /// <summary>The owner state of a resource from its labels (the owner label, else an older run's session id).</summary>
    public static OwnerState StateOf(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.TryGetValue(RunOwner.Label, out var owner))
        {
            return RunOwner.Parse(owner)?.State() ?? OwnerState.Unknown;
        }

        return labels.TryGetValue(DockerEnvironment.SessionLabel, out var session) ? LegacySessionState(session) : OwnerState.Unknown;
    }

    /// <summary>
    /// "kc-&lt;epoch&gt;-&lt;pid&gt;" (./kc) or "kc-&lt;yyyyMMdd&gt;-&lt;HHmmss&gt;-&lt;pid&gt;-&lt;hex&gt;": gone when no process has that PID;
    /// a running process with it may be the owner or a later one, so it counts as alive.
    /// </summary>
    private static OwnerState LegacySessionState(string session)
    {
        var parts = session.Split('-');
        var pidText = parts.Length switch
        {
            3 => parts[2],
            5 => parts[3],
            _ => null,
        };
        if (parts[0] != "kc" || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return OwnerState.Unknown;
        }

        return RunOwner.StartTicksOf(pid) is null && RunOwner.Current is not null ? OwnerState.Gone : OwnerState.Alive;
    }

    private static async Task RemoveIfOrphanedAsync(
        DockerSocket socket, string kind, string name, JsonElement resource, string deletePath, List<string> removed, CancellationToken ct)
    {
        var labels = Labels(resource);
        if (StateOf(labels) != OwnerState.Gone)
        {
            return;
        }

        try
        {
            await socket.DeleteAsync(deletePath, ct).ConfigureAwait(false);
            var owner = labels.TryGetValue(RunOwner.Label, out var value) && RunOwner.Parse(value) is { } o
                ? $"owner PID {o.Pid.ToString(CultureInfo.InvariantCulture)}"
                : $"session {labels.GetValueOrDefault(DockerEnvironment.SessionLabel)}";
            removed.Add($"{kind} {name} ({owner}, gone)");
        }
        catch (HttpRequestException)
        {
            // Still in use by something that is not ours to judge (409): the next sweep tries again.
        }
    }

    private static Dictionary<string, string> Labels(JsonElement resource) =>
        resource.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : [];

    private static string Id(JsonElement resource) =>
        resource.TryGetProperty("Id", out var id) ? id.GetString() ?? string.Empty : string.Empty;
}
