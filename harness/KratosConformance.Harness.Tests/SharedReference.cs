using KratosConformance.Harness.Paths;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests;

/// <summary>The repository root (<see cref="RepositoryLayout"/>) and ../shared/reference beside it, for the self-tests.</summary>
internal static class SharedReference
{
    public static string RepositoryRoot() => RepositoryLayout.RequireRoot();

    /// <summary>&lt;repo&gt;/../shared/reference/kratos-snapshots, or Assert.Ignore when this checkout has none.</summary>
    public static string SnapshotsDirectory()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "reference", "kratos-snapshots"));
        if (!Directory.Exists(path))
        {
            Assert.Ignore($"Kratos snapshot files are not available: expected them at {path} (../shared/reference beside the repository).");
        }

        return path;
    }
}
