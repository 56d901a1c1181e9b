using KratosConformance.Harness.Paths;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>
/// The checkout (<see cref="RepositoryLayout"/>) and Kratos's reference files committed under fixtures/reference (its
/// NOTICE names source, tag and path of each). A missing file fails the test that needs it, naming the file: every
/// clone has them, so their absence is a broken checkout, never a reason to skip.
/// </summary>
internal static class KratosReference
{
    public static string RepositoryRoot() => RepositoryLayout.RequireRoot();

    /// <summary>&lt;repo&gt;/fixtures/reference.</summary>
    public static string Directory => Path.Combine(RepositoryRoot(), "fixtures", "reference");

    /// <summary>&lt;repo&gt;/fixtures/reference/kratos-snapshots: one folder per Kratos tag.</summary>
    public static string SnapshotsDirectory => RequireDirectory("kratos-snapshots");

    /// <summary>Kratos's config JSON schema at v26.2.0 (embedx/config.schema.json).</summary>
    public static string ConfigSchema => Require(Path.Combine("kratos-v26.2.0", "config.schema.json"));

    /// <summary>kratos-snapshots/&lt;version&gt;/&lt;strategy&gt;/&lt;name&gt;: a snapshot of selfservice/strategy/&lt;strategy&gt;/.snapshots.</summary>
    public static string Snapshot(string version, string strategy, string name) =>
        Require(Path.Combine("kratos-snapshots", version, strategy, name));

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

    private static string RequireDirectory(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!System.IO.Directory.Exists(path))
        {
            Assert.Fail($"Kratos reference folder {path} is missing. It is part of the repository (fixtures/reference, see its NOTICE); restore it with 'git checkout -- fixtures/reference'.");
        }

        return path;
    }
}
