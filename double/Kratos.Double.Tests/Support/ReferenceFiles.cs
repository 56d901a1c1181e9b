namespace Kratos.Double.Tests.Support;

/// <summary>Finds ../shared/reference beside the repository; tests that need it are skipped with a reason when absent.</summary>
public static class ReferenceFiles
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KratosConformance.sln")) && !System.IO.Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                dir = dir.Parent;
            }

            var reference = dir?.Parent is null ? null : Path.Combine(dir.Parent.FullName, "shared", "reference");
            if (reference is null || !System.IO.Directory.Exists(reference))
            {
                Assert.Ignore($"The Kratos reference material (<repo>/../shared/reference) is absent (looked at {reference ?? "<no repo root>"}); snapshot and OpenAPI comparisons need it.");
            }

            return reference!;
        }
    }

    public static string Snapshot(string version, string name) =>
        Path.Combine(Directory, "kratos-snapshots", version, name);

    public static string OpenApi => Path.Combine(Directory, "kratos-v26.2.0", "openapi.json");
}
