namespace KratosConformance.Containers;

/// <summary>
/// The reference double as a FROM scratch image with oryd/kratos's contract (.docker/Dockerfile-alpine at v26.2.0,
/// recorded in containers/KratosConformance.Containers.Tests/Contract/oryd-kratos-image.json, which ImageContractTests
/// compares the built image with): the binary at /usr/bin/kratos, ENTRYPOINT ["kratos"], CMD ["serve"], USER 10000
/// with HOME /home/ory, WORKDIR /home/ory, VOLUME /var/lib/sqlite and /home/ory (both owned by 10000, so a SQLite file
/// can be written there), EXPOSE 4433 4434. The native libraries beside the binary (SQLite's e_sqlite3)
/// and the ones ldd finds come along. NativeAOT first (fastest start); if AOT fails, self-contained single-file with
/// partial trimming (full trimming crashes Kestrel at start-up).
/// </summary>
internal static class DoubleImageRecipe
{
    /// <summary>Bump when the recipe changes, so images built by an older recipe are not taken as current.</summary>
    private const string RecipeVersion = "double-recipe-2";

    /// <summary>Where .docker/Dockerfile-alpine copies the binary.</summary>
    public const string BinaryPath = "/usr/bin/kratos";

    /// <summary>adduser -S ory -u 10000 -h /home/ory (the alpine image's user; its group gets the same id here).</summary>
    public const int OryUid = 10000;

    private const string ProjectDirectory = "double/Kratos.Double";
    private static readonly string[] RootInputs = ["Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", ".editorconfig"];

    public static async Task<string> HashAsync(string repoRoot, CancellationToken ct)
    {
        using var hash = new ContentHash().AddFact(RecipeVersion);
        await hash.AddTreeAsync(repoRoot, Path.Combine(repoRoot, ProjectDirectory), ct).ConfigureAwait(false);
        foreach (var file in RootInputs)
        {
            await hash.AddFileAsync(repoRoot, Path.Combine(repoRoot, file), ct).ConfigureAwait(false);
        }

        return hash.Hex12();
    }

    public static async Task StageAsync(string repoRoot, RootfsStage stage, TextWriter log, CancellationToken ct)
    {
        // Publishing from a copy keeps this build out of the project's own obj/ (a RID-specific restore there would
        // fight the other builds running on the same tree) and builds exactly the hashed inputs.
        var work = Path.GetDirectoryName(stage.ContextDirectory)!;
        var source = Path.Combine(work, "src");
        var project = Path.Combine(source, ProjectDirectory);
        foreach (var file in ContentHash.SourceFiles(Path.Combine(repoRoot, ProjectDirectory)))
        {
            var target = Path.Combine(project, Path.GetRelativePath(Path.Combine(repoRoot, ProjectDirectory), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var file in RootInputs.Where(f => File.Exists(Path.Combine(repoRoot, f))))
        {
            File.Copy(Path.Combine(repoRoot, file), Path.Combine(source, file));
        }

        var output = Path.Combine(work, "publish");
        await log.WriteLineAsync("kratos-double: dotnet publish (NativeAOT)").ConfigureAwait(false);
        var publish = await PublishAsync(project, output, ["-p:PublishAot=true"], ct).ConfigureAwait(false);
        var mode = "aot";
        if (publish.ExitCode != 0)
        {
            await log.WriteLineAsync($"kratos-double: NativeAOT publish failed, falling back to single-file (TrimMode=partial):\n{Indent(publish.Tail(8))}").ConfigureAwait(false);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            publish = await PublishAsync(
                project,
                output,
                ["-p:PublishAot=false", "-p:PublishSingleFile=true", "--self-contained", "-p:PublishTrimmed=true", "-p:TrimMode=partial"],
                ct).ConfigureAwait(false);
            mode = "single-file";
            if (publish.ExitCode != 0)
            {
                throw new DockerProblemException($"The double does not publish (dotnet publish {ProjectDirectory} failed both as NativeAOT and as single-file):\n{Indent(publish.Tail())}");
            }
        }

        var binary = FindExecutable(output);
        var others = Directory.EnumerateFiles(output).Where(f => f != binary && !f.EndsWith(".pdb", StringComparison.Ordinal) && !f.EndsWith(".dbg", StringComparison.Ordinal)).ToList();
        var binDirectory = Path.GetDirectoryName(BinaryPath)!;
        stage.AddFile(binary, BinaryPath);
        // Beside the binary, where the runtime looks for them first (NativeLibrary probing of the app directory).
        foreach (var file in others)
        {
            stage.AddFile(file, binDirectory + "/" + Path.GetFileName(file));
        }

        foreach (var directory in Directory.EnumerateDirectories(output))
        {
            stage.AddDirectory(directory, binDirectory + "/" + Path.GetFileName(directory));
        }

        stage.AddLibraries(await SharedLibraries.ResolveAsync([binary, .. others.Where(f => f.EndsWith(".so", StringComparison.Ordinal))], ct).ConfigureAwait(false));
        stage.AddText("/etc/passwd", $"root:x:0:0:root:/root:/sbin/nologin\nory:x:{OryUid}:{OryUid}:Linux User,,,:/home/ory:/bin/nologin\n");
        stage.AddText("/etc/group", $"root:x:0:root\nory:x:{OryUid}:ory\n");
        stage.AddEmptyDirectory("/etc/config/kratos", (UnixFileMode)0b111_101_101);
        stage.AddEmptyDirectory("/tmp", (UnixFileMode)0b1_111_111_111);
        var owned = stage.AddOwnedEmptyDirectory();
        await stage.WriteDockerfileAsync(
            [
                $"COPY --chown={OryUid}:{OryUid} {owned} /home/ory/",
                $"COPY --chown={OryUid}:{OryUid} {owned} /var/lib/sqlite/",
                "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 TMPDIR=/tmp",
                "WORKDIR /home/ory",
                "VOLUME /var/lib/sqlite",
                "VOLUME /home/ory",
                "EXPOSE 4433 4434",
                $"USER {OryUid}",
                $"LABEL kratos-conformance.publish={mode}",
                "ENTRYPOINT [\"kratos\"]",
                "CMD [\"serve\"]",
            ],
            ct).ConfigureAwait(false);
        await log.WriteLineAsync($"kratos-double: published ({mode})").ConfigureAwait(false);
    }

    private static Task<ProcessRunner.Result> PublishAsync(string project, string output, string[] mode, CancellationToken ct) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v:q", .. mode],
            project,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            ct);

    /// <summary>The project's executable: the one extension-less file (its name is the project's AssemblyName).</summary>
    private static string FindExecutable(string output) =>
        Directory.EnumerateFiles(output).Where(f => Path.GetExtension(f).Length == 0).OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new DockerProblemException($"dotnet publish produced no executable in {output}.");

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
