namespace Kratos.Double.Tests.Support;

/// <summary>
/// Kratos's reference files, committed under fixtures/reference (its NOTICE names source, tag and path of each). The
/// checkout is the nearest folder above the test assembly holding KratosConformance.sln. A missing file fails the test
/// that needs it, naming the file: every clone has them, so their absence is a broken checkout, never a reason to skip.
/// </summary>
public static class ReferenceFiles
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>&lt;repo&gt;/fixtures/reference.</summary>
    public static string Directory
    {
        get
        {
            if (Root.Value is not { } root)
            {
                Assert.Fail($"No KratosConformance.sln above {AppContext.BaseDirectory}: the reference files are read from the checkout (fixtures/reference), so run the tests inside one.");
                return string.Empty;
            }

            return Path.Combine(root, "fixtures", "reference");
        }
    }

    /// <summary>Kratos's OpenAPI document at v26.2.0 (spec/api.json).</summary>
    public static string OpenApi => Require(Path.Combine("kratos-v26.2.0", "openapi.json"));

    /// <summary>kratos-snapshots/&lt;version&gt;/&lt;strategy&gt;/&lt;name&gt;: a snapshot of selfservice/strategy/&lt;strategy&gt;/.snapshots.</summary>
    public static string Snapshot(string version, string strategy, string name) =>
        Require(Path.Combine("kratos-snapshots", version, strategy, name));

    /// <summary>The snapshot files of one strategy at one version; fails when the folder is missing or empty.</summary>
    public static IReadOnlyList<string> Snapshots(string version, string strategy)
    {
        var folder = Path.Combine(Directory, "kratos-snapshots", version, strategy);
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.json") : [];
        if (files.Length == 0)
        {
            Assert.Fail($"Kratos's {strategy} snapshots at {version} are missing: expected JSON files in {folder}. They are part of the repository (fixtures/reference, see its NOTICE); restore them with 'git checkout -- fixtures/reference'.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>The full path of a file under fixtures/reference; fails the test, naming the file, when it is missing.</summary>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            Assert.Fail($"Kratos reference file {path} is missing. It is part of the repository (fixtures/reference, see its NOTICE); restore it with 'git checkout -- fixtures/reference'.");
        }

        return path;
    }

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KratosConformance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
