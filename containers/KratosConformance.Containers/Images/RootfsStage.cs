namespace KratosConformance.Containers;

/// <summary>
/// A docker build context for a FROM scratch image: files are copied (not linked, since docker would copy a link, not
/// its target) into rootfs/ at the absolute path they will have in the image.
/// </summary>
internal sealed class RootfsStage
{
    private readonly string _rootfs;

    public RootfsStage(string contextDirectory)
    {
        ContextDirectory = contextDirectory;
        _rootfs = Path.Combine(contextDirectory, "rootfs");
        Directory.CreateDirectory(_rootfs);
    }

    public string ContextDirectory { get; }

    public void AddFile(string source, string target)
    {
        var destination = Resolve(target);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
    }

    public void AddDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            AddFile(file, target.TrimEnd('/') + "/" + Path.GetRelativePath(source, file).Replace('\\', '/'));
        }
    }

    public void AddText(string target, string text)
    {
        var destination = Resolve(target);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllText(destination, text);
    }

    /// <summary>
    /// An empty folder beside rootfs/, for COPY --chown=uid:gid &lt;it&gt; /path/: the legacy builder creates the
    /// destination owned by that user (a FROM scratch image has no chown to RUN). Returns its context-relative path.
    /// </summary>
    public string AddOwnedEmptyDirectory()
    {
        Directory.CreateDirectory(Path.Combine(ContextDirectory, "owned-empty"));
        return "owned-empty/";
    }

    public void AddEmptyDirectory(string target, UnixFileMode mode)
    {
        var destination = Resolve(target);
        Directory.CreateDirectory(destination);
        // Modes matter in the image (/tmp must be world-writable); there is no such thing on Windows.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, mode);
        }
    }

    /// <summary>Each library goes to the path the loader found it at, which is also where it will look in the image.</summary>
    public void AddLibraries(IEnumerable<string> libraries)
    {
        foreach (var library in libraries)
        {
            AddFile(library, library);
        }
    }

    public Task WriteDockerfileAsync(IEnumerable<string> instructions, CancellationToken ct) =>
        File.WriteAllLinesAsync(Path.Combine(ContextDirectory, "Dockerfile"), ["FROM scratch", "COPY rootfs/ /", .. instructions], ct);

    private string Resolve(string target) => Path.Combine(_rootfs, target.TrimStart('/'));
}
