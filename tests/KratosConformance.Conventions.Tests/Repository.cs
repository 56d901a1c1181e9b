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

    /// <summary>
    /// Every file of the checkout that is not build output, tool state, a run's report or git's own (paths relative to
    /// <see cref="Root"/>, with '/').
    /// </summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or ".git" or ".kc" or ".vs" or "TestResults" or "node_modules")
                && !f.StartsWith("reports/out/", StringComparison.Ordinal) && f != ".git");

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
