using System.Formats.Tar;
using System.Text.Json;

namespace KratosConformance.Containers.Tests;

/// <summary>
/// The double's image has oryd/kratos's contract, as recorded in Contract/oryd-kratos-image.json from Kratos's release
/// Dockerfile: so the harness starts both images the same way, and a path CI takes with the double is the path users
/// take with real Kratos (entrypoint + CMD, user, working directory, volumes, ports, binary location, ownership).
/// </summary>
[Category("docker")]
public sealed class ImageContractTests
{
    private static readonly JsonElement Contract =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "oryd-kratos-image.json"))).RootElement;

    [Test]
    public async Task The_double_image_has_the_configuration_of_oryd_kratos()
    {
        var (doubleImage, _) = await DockerFixture.ImagesAsync();
        using var docker = new DockerSocket(DockerSocket.DefaultSocketPath);

        var config = (await docker.GetJsonAsync($"images/{doubleImage}/json", CancellationToken.None)).GetProperty("Config");

        Array(config, "Entrypoint").Should().Equal(Strings("entrypoint"));
        Array(config, "Cmd").Should().Equal(Strings("cmd"));
        config.GetProperty("User").GetString().Should().Be(Contract.GetProperty("user").GetString());
        config.GetProperty("WorkingDir").GetString().Should().Be(Contract.GetProperty("workingDir").GetString());
        Keys(config, "Volumes").Should().BeEquivalentTo(Strings("volumes"));
        Keys(config, "ExposedPorts").Should().BeEquivalentTo(Strings("exposedPorts"));
    }

    [Test]
    public async Task The_binary_and_the_writable_folders_are_where_oryd_kratos_has_them()
    {
        var (doubleImage, _) = await DockerFixture.ImagesAsync();
        using var docker = new DockerSocket(DockerSocket.DefaultSocketPath);
        var created = (await docker.PostJsonAsync("containers/create", new { Image = doubleImage, Labels = DockerEnvironment.SessionLabels }, CancellationToken.None))
            .GetProperty("Id").GetString()!;
        try
        {
            var binary = await EntryAsync(docker, created, Contract.GetProperty("binary").GetString()!);
            binary.EntryType.Should().Be(TarEntryType.RegularFile);
            binary.Mode.Should().HaveFlag(UnixFileMode.OtherExecute, "user 10000 must be able to run it");
            foreach (var owned in Contract.GetProperty("ownedByUser").EnumerateObject())
            {
                var entry = await EntryAsync(docker, created, owned.Name);
                entry.EntryType.Should().Be(TarEntryType.Directory);
                entry.Uid.Should().Be(owned.Value.GetInt32(), "{0} must be writable by the image's user", owned.Name);
            }

            var passwd = await FileTextAsync(docker, created, "/etc/passwd");
            passwd.Should().Contain($":{Contract.GetProperty("user").GetString()}:").And.Contain(":" + Contract.GetProperty("home").GetString() + ":",
                "HOME comes from the user's passwd entry, as in the alpine image");
        }
        finally
        {
            await docker.DeleteAsync($"containers/{created}?force=true&v=true", CancellationToken.None);
        }
    }

    private static string[] Strings(string name) => [.. Contract.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static string[] Array(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.GetString()!)] : [];

    private static string[] Keys(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? [.. value.EnumerateObject().Select(p => p.Name)] : [];

    /// <summary>The tar header Docker's archive endpoint gives for a path: type, mode, owner.</summary>
    private static async Task<TarEntry> EntryAsync(DockerSocket docker, string id, string path)
    {
        using var reader = new TarReader(new MemoryStream(await docker.GetBytesAsync($"containers/{id}/archive?path={Uri.EscapeDataString(path)}", CancellationToken.None)));
        return await reader.GetNextEntryAsync(copyData: false) ?? throw new InvalidOperationException($"no archive entry for {path}");
    }

    private static async Task<string> FileTextAsync(DockerSocket docker, string id, string path)
    {
        using var reader = new TarReader(new MemoryStream(await docker.GetBytesAsync($"containers/{id}/archive?path={Uri.EscapeDataString(path)}", CancellationToken.None)));
        var entry = await reader.GetNextEntryAsync(copyData: true) ?? throw new InvalidOperationException($"no archive entry for {path}");
        using var text = new StreamReader(entry.DataStream!);
        return await text.ReadToEndAsync();
    }
}
