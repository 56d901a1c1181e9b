using System.Text.Json;

namespace KratosConformance.Containers.Tests;

/// <summary>
/// The start-up sweep against a real daemon: a gone owner's containers (running and created), network and volume are
/// removed; a live owner's, in the same states, stay. Before: the sweep removed every stopped or created container
/// (a live concurrent run's too) and never a running one (SIGKILL left 2 running containers and a network for good).
/// The sweep is narrowed to this test's own marker label, as the daemon is shared with other runs.
/// </summary>
[Category("docker")]
public sealed class LeftoverSweepTests
{
    [Test]
    public async Task Removes_what_a_gone_owner_left_running_or_not_and_never_a_live_runs_resources()
    {
        var (_, smtp4devImage) = await DockerFixture.ImagesAsync();
        var self = RunOwner.Current ?? throw new InconclusiveException("no /proc here");
        var recycled = self with { StartTicks = self.StartTicks + 1 };
        var marker = "kratos-conformance.test=" + Guid.NewGuid().ToString("N");
        using var docker = new DockerSocket(DockerSocket.DefaultSocketPath);
        try
        {
            string[] live =
            [
                await ContainerAsync(docker, smtp4devImage, self, marker, "live-created", start: false),
                await ContainerAsync(docker, smtp4devImage, self, marker, "live-running", start: true),
                await ResourceAsync(docker, "networks/create", self, marker, "live-net"),
                await ResourceAsync(docker, "volumes/create", self, marker, "live-vol"),
            ];
            string[] gone =
            [
                await ContainerAsync(docker, smtp4devImage, recycled, marker, "gone-created", start: false),
                await ContainerAsync(docker, smtp4devImage, recycled, marker, "gone-running", start: true),
                await ResourceAsync(docker, "networks/create", recycled, marker, "gone-net"),
                await ResourceAsync(docker, "volumes/create", recycled, marker, "gone-vol"),
            ];

            var removed = await LeftoverSweep.RunAsync(marker);

            removed.Should().HaveCount(4).And.OnlyContain(r => gone.Any(g => r.Contains(g, StringComparison.Ordinal)) && r.Contains($"owner PID {self.Pid}", StringComparison.Ordinal));
            (await NamesAsync(docker, marker)).Should().BeEquivalentTo(live, "a live owner's resources stay, whatever their state");
        }
        finally
        {
            await RemoveAllAsync(docker, marker);
        }
    }

    private static Dictionary<string, string> Labels(RunOwner owner, string marker) => new()
    {
        [DockerEnvironment.SessionLabel] = "kc-sweep-test",
        [RunOwner.Label] = owner.LabelValue,
        [marker.Split('=')[0]] = marker.Split('=')[1],
    };

    private static async Task<string> ContainerAsync(DockerSocket docker, string image, RunOwner owner, string marker, string role, bool start)
    {
        var name = $"kc-sweep-{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var created = await docker.PostJsonAsync($"containers/create?name={name}", new Dictionary<string, object> { ["Image"] = image, ["Labels"] = Labels(owner, marker) }, CancellationToken.None);
        if (start)
        {
            var (status, body) = await docker.PostAsync($"containers/{created.GetProperty("Id").GetString()}/start", CancellationToken.None);
            status.Should().Be(204, body);
        }

        return name;
    }

    private static async Task<string> ResourceAsync(DockerSocket docker, string path, RunOwner owner, string marker, string role)
    {
        var name = $"kc-sweep-{role}-{Guid.NewGuid().ToString("N")[..8]}";
        await docker.PostJsonAsync(path, new Dictionary<string, object> { ["Name"] = name, ["Labels"] = Labels(owner, marker) }, CancellationToken.None);
        return name;
    }

    private static async Task<List<string>> NamesAsync(DockerSocket docker, string marker)
    {
        var filter = DockerSocket.LabelFilter(marker);
        var containers = await docker.GetJsonAsync($"containers/json?all=true&filters={filter}", CancellationToken.None);
        var networks = await docker.GetJsonAsync($"networks?filters={filter}", CancellationToken.None);
        var volumes = await docker.GetJsonAsync($"volumes?filters={filter}", CancellationToken.None);
        return
        [
            .. containers.EnumerateArray().Select(c => c.GetProperty("Names")[0].GetString()!.TrimStart('/')),
            .. networks.EnumerateArray().Select(n => n.GetProperty("Name").GetString()!),
            .. volumes.GetProperty("Volumes").ValueKind == JsonValueKind.Array
                ? volumes.GetProperty("Volumes").EnumerateArray().Select(v => v.GetProperty("Name").GetString()!)
                : [],
        ];
    }

    private static async Task RemoveAllAsync(DockerSocket docker, string marker)
    {
        var filter = DockerSocket.LabelFilter(marker);
        foreach (var c in (await docker.GetJsonAsync($"containers/json?all=true&filters={filter}", CancellationToken.None)).EnumerateArray())
        {
            await docker.DeleteAsync($"containers/{c.GetProperty("Id").GetString()}?force=true&v=true", CancellationToken.None);
        }

        foreach (var n in (await docker.GetJsonAsync($"networks?filters={filter}", CancellationToken.None)).EnumerateArray())
        {
            await docker.DeleteAsync($"networks/{n.GetProperty("Id").GetString()}", CancellationToken.None);
        }

        var volumes = (await docker.GetJsonAsync($"volumes?filters={filter}", CancellationToken.None)).GetProperty("Volumes");
        foreach (var v in volumes.ValueKind == JsonValueKind.Array ? volumes.EnumerateArray() : [])
        {
            await docker.DeleteAsync($"volumes/{v.GetProperty("Name").GetString()}", CancellationToken.None);
        }
    }
}
