namespace KratosConformance.Conventions.Tests;

/// <summary>The checkout these conventions are checked on.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f));

    /// <summary>Every source file of the projects that ship (everything but the *.Tests projects).</summary>
    public static IEnumerable<string> ProductionSourceFiles() =>
        Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && !Path.GetFileNameWithoutExtension(f).EndsWith(".Tests", StringComparison.Ordinal))
            .SelectMany(f => SourceFiles(Path.GetRelativePath(Root, Path.GetDirectoryName(f)!)));

    private static bool IsBuildOutput(string path) =>
        path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/.kc/", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KratosConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KratosConformance.sln not found above " + AppContext.BaseDirectory);
    }
}
