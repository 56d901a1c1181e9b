namespace KratosConformance.Harness.Paths;

/// <summary>
/// Where things live. Two modes: in a clone (the harness runs from build output folders, from the kc CLI and from
/// dotnet test, all of which find the clone by walking up to KratosConformance.sln) the clone is both the content and
/// the output root; as the installed .NET tool (dotnet tool install KratosConformance.Cli) the content (suites,
/// profiles, reference files, image recipes, the Elements UI bundle) sits in <see cref="PackagedContentFolder"/> beside
/// kc.dll and reports go under the current folder, so a team's config repository needs no checkout of this one.
/// </summary>
public static class RepositoryLayout
{
    /// <summary>The folder beside kc.dll that the tool package carries; its marker file says "this is the packaged tool".</summary>
    public const string PackagedContentFolder = "kc-content";

    /// <summary>Written by the pack (cli/…/Packaging.targets) into <see cref="PackagedContentFolder"/>.</summary>
    public const string PackagedMarker = "kc-package.txt";

    /// <summary>What the installed tool runs (README, "The installable tool"); everything else needs a clone.</summary>
    public const string ToolCommands = "kc run, kc merge, kc compare, kc upgrade, kc images, kc double";

    /// <summary>
    /// The clone's root for a process whose binaries are not under it (./kc exports it; ./kc mutate passes it to
    /// Stryker's test runs); without it the root is found by walking up from the binaries to KratosConformance.sln.
    /// </summary>
    public const string RootVariable = "KC_REPO_ROOT";

    private static readonly Lazy<string?> PackagedLazy = new(() => FindPackagedContent(AppContext.BaseDirectory));
    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    // Tests only (InstalledToolScope): the tool folder this async flow pretends kc.dll was loaded from.
    private static readonly AsyncLocal<string?> ToolFolderOverride = new();

    /// <summary>The checkout root, or null when the harness runs outside a checkout (the installed tool, a copied build).</summary>
    public static string? Root => ToolFolderOverride.Value is null ? RootLazy.Value : null;

    /// <summary>True when this is the installed tool: content from the tool's folder, output under the current folder.</summary>
    public static bool IsPackaged => PackagedContent is not null;

    /// <summary>The checkout root; throws with a fix when the harness runs outside one.</summary>
    public static string RequireRoot() => Root ?? throw new NotACloneException(IsPackaged
        ? $"This needs a clone of KratosConformance (it builds or tests the project itself); the installed kc tool runs {ToolCommands}: git clone the repository and use ./kc there."
        : "Could not find KratosConformance.sln above " + AppContext.BaseDirectory + ": run the harness from a checkout (./kc …), set " + RootVariable + ", or install the kc tool (dotnet tool install KratosConformance.Cli).");

    /// <summary>
    /// Where the suites' inputs are read from: the installed tool's content folder, or the clone. Also the root the
    /// local images' recipes (the double's sources, the root build files) and their build caches (.kc) live under.
    /// </summary>
    public static string ContentRoot => PackagedContent ?? RequireRoot();

    /// <summary>reports/out of the current folder for the installed tool, of the clone otherwise (--out overrides both).</summary>
    public static string OutputRoot => IsPackaged
        ? Path.Combine(Environment.CurrentDirectory, "reports", "out")
        : Path.Combine(RequireRoot(), "reports", "out");

    /// <summary>fixtures/profiles: base kratos.yml, identity schema and overlays.</summary>
    public static string ProfilesDirectory => Path.Combine(ContentRoot, "fixtures", "profiles");

    /// <summary>
    /// .kc: tools, caches and scratch space the harness creates (ignored by git); for the installed tool inside its own
    /// folder, which the user who installed it owns, so caches (smtp4dev, image builds) survive between runs.
    /// </summary>
    public static string StateDirectory => Path.Combine(ContentRoot, ".kc");

    /// <summary>The Ory Elements UI bundle the package carries (null in a clone, where ./kc bundles it into .kc/tools).</summary>
    public static string? PackagedElementsUiBundle =>
        PackagedContent is { } content ? Path.Combine(content, "elements-ui") : null;

    private static string? PackagedContent => ToolFolderOverride.Value is { } folder ? FindPackagedContent(folder) : PackagedLazy.Value;

    /// <summary>
    /// For tests of the installed tool's paths: until disposed, this async flow (only) sees the layout as if kc.dll had
    /// been loaded from <paramref name="toolFolder"/> (which must hold <see cref="PackagedContentFolder"/> with its marker).
    /// </summary>
    internal static IDisposable InstalledToolScope(string toolFolder)
    {
        var before = ToolFolderOverride.Value;
        ToolFolderOverride.Value = toolFolder;
        return new Restore(() => ToolFolderOverride.Value = before);
    }

    private static string? FindPackagedContent(string baseDirectory)
    {
        var content = Path.Combine(baseDirectory, PackagedContentFolder);
        return File.Exists(Path.Combine(content, PackagedMarker)) ? content : null;
    }

    private static string? FindRoot()
    {
        // The installed tool never takes a clone's files, even when started from inside one or with KC_REPO_ROOT set.
        if (PackagedLazy.Value is not null)
        {
            return null;
        }

        var fromEnv = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "KratosConformance.sln")))
        {
            return Path.GetFullPath(fromEnv);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KratosConformance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
