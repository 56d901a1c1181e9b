namespace KratosConformance.Containers;

/// <summary>
/// smtp4dev as a FROM scratch image: the dotnet tool from NuGet, the host's .NET runtime and the libraries they load.
/// Built here because no registry can be reached for rnwood/smtp4dev.
/// </summary>
internal static class Smtp4devImageRecipe
{
    public const string ToolVersion = "3.15.0";
    private const string RecipeVersion = "smtp4dev-recipe-1";
    private const string DotnetRootInImage = "/usr/share/dotnet";
    private static readonly string[] Frameworks = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"];

    public static Task<string> HashAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var root = DotnetRoot();
        using var hash = new ContentHash().AddFact(RecipeVersion).AddFact("Rnwood.Smtp4dev " + ToolVersion);
        foreach (var framework in Frameworks)
        {
            hash.AddFact(framework + " " + Path.GetFileName(LatestVersionDirectory(Path.Combine(root, "shared", framework))));
        }

        return Task.FromResult(hash.Hex12());
    }

    public static async Task StageAsync(string repoRoot, RootfsStage stage, TextWriter log, CancellationToken ct)
    {
        var application = await EnsureToolAsync(repoRoot, log, ct).ConfigureAwait(false);
        var root = DotnetRoot();
        var binaries = new List<string> { Path.Combine(root, "dotnet") };
        stage.AddFile(Path.Combine(root, "dotnet"), DotnetRootInImage + "/dotnet");
        var fxr = LatestVersionDirectory(Path.Combine(root, "host", "fxr"));
        stage.AddDirectory(fxr, $"{DotnetRootInImage}/host/fxr/{Path.GetFileName(fxr)}");
        binaries.AddRange(Directory.EnumerateFiles(fxr, "*.so"));
        foreach (var framework in Frameworks)
        {
            var directory = LatestVersionDirectory(Path.Combine(root, "shared", framework));
            stage.AddDirectory(directory, $"{DotnetRootInImage}/shared/{framework}/{Path.GetFileName(directory)}");
            binaries.AddRange(Directory.EnumerateFiles(directory, "*.so"));
        }

        stage.AddDirectory(application, "/smtp4dev");
        binaries.AddRange(Directory.EnumerateFiles(application, "*.so", SearchOption.AllDirectories));
        stage.AddLibraries(await SharedLibraries.ResolveAsync(binaries, ct).ConfigureAwait(false));
        stage.AddEmptyDirectory("/tmp", (UnixFileMode)0b1_111_111_111);
        await stage.WriteDockerfileAsync(
            [
                // ICU is not in the image: invariant globalization is enough for a mail sink.
                $"ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 HOME=/tmp TMPDIR=/tmp DOTNET_ROOT={DotnetRootInImage} DOTNET_gcServer=0",
                "EXPOSE 25 80 110 143",
                $"ENTRYPOINT [\"{DotnetRootInImage}/dotnet\", \"/smtp4dev/Rnwood.Smtp4dev.dll\"]",
                "CMD [\"--db=\", \"--nousersettings\", \"--baseappdatapath=/tmp/smtp4dev\", \"--smtpport=25\", \"--imapport=143\", \"--pop3port=110\", \"--urls=http://0.0.0.0:80\"]",
            ],
            ct).ConfigureAwait(false);
    }

    /// <summary>Installs the tool once under .kc/tools (kept across builds) and returns the folder holding its dll.</summary>
    public static async Task<string> EnsureToolAsync(string repoRoot, TextWriter log, CancellationToken ct)
    {
        var toolPath = Path.Combine(repoRoot, ".kc", "tools", "smtp4dev-" + ToolVersion);
        if (FindApplication(toolPath) is { } existing)
        {
            return existing;
        }

        await log.WriteLineAsync($"smtp4dev: dotnet tool install Rnwood.Smtp4dev {ToolVersion}").ConfigureAwait(false);
        var install = await ProcessRunner.RunAsync(
            "dotnet", ["tool", "install", "Rnwood.Smtp4dev", "--version", ToolVersion, "--tool-path", toolPath], repoRoot, null, ct).ConfigureAwait(false);
        return install.ExitCode == 0 && FindApplication(toolPath) is { } installed
            ? installed
            : throw new DockerProblemException($"Installing the smtp4dev tool failed (NuGet reachable?):\n{install.Tail()}");
    }

    private static string? FindApplication(string toolPath) =>
        Directory.Exists(toolPath)
            ? Directory.EnumerateFiles(toolPath, "Rnwood.Smtp4dev.dll", SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault()
            : null;

    private static string DotnetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } fromEnvironment && Directory.Exists(Path.Combine(fromEnvironment, "shared")))
        {
            return fromEnvironment;
        }

        // The running process is itself hosted by that runtime: .../shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
    }

    private static string LatestVersionDirectory(string parent) =>
        Directory.EnumerateDirectories(parent)
            .Select(d => (Directory: d, Version: System.Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new System.Version(0, 0)))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Directory)
            .FirstOrDefault() ?? throw new DockerProblemException($"No .NET runtime found under {parent}.");
}
