namespace KratosConformance.Harness.Paths;

/// <summary>
/// Where things live in a checkout. The harness runs from build output folders (bin/…), from the kc CLI and from
/// dotnet test; all of them find the repository by walking up to KratosConformance.sln.
/// </summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    /// <summary>The checkout root, or null when the harness runs outside a checkout (a copied build).</summary>
    public static string? Root => RootLazy.Value;

    /// <summary>The checkout root; throws with a fix when the harness runs outside one.</summary>
    public static string RequireRoot() => Root ?? throw new InvalidOperationException(
        "Could not find KratosConformance.sln above " + AppContext.BaseDirectory + ": run the harness from a checkout (./kc …), or set KC_REPO_ROOT.");

    /// <summary>fixtures/profiles: base kratos.yml, identity schema and overlays.</summary>
    public static string ProfilesDirectory => Path.Combine(RequireRoot(), "fixtures", "profiles");

    /// <summary>.kc: tools, caches and scratch space the harness creates (ignored by git).</summary>
    public static string StateDirectory => Path.Combine(RequireRoot(), ".kc");

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("KC_REPO_ROOT");
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
}
