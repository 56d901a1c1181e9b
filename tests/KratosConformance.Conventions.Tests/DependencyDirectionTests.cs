using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Dependencies point one way: cli → bench → runner → harness → client → reports (the runner loads the suites by path),
/// harness → containers, double; nothing references the suites; the reference double references nothing of the harness
/// (so it stays a faithful, independent stand-in for Kratos). Paths are compared relative to the checkout.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DependencyDirectionTests
{
    [Test]
    public void No_project_compiles_against_the_suites()
    {
        var offenders = Projects()
            .Where(p => !p.Path.StartsWith("suites/", StringComparison.Ordinal))
            .SelectMany(p => p.References.Where(r => r.Target.EndsWith("KratosConformance.Suites.csproj", StringComparison.Ordinal) && r.CompilesAgainst)
                .Select(_ => p.Name))
            .ToList();

        offenders.Should().BeEmpty("nothing may depend on the suites (docs/architecture.md); found references from {0}", string.Join(", ", offenders));
    }

    [Test]
    public void The_double_references_nothing_of_the_harness()
    {
        var dbl = Projects().Single(p => p.Name == "Kratos.Double");
        dbl.References.Should().BeEmpty("the reference double must not depend on the harness it is used to test");
    }

    [TestCase("containers/KratosConformance.Containers", "client", "harness", "suites", "cli", "runner", "bench")]
    [TestCase("reports/KratosConformance.Reports", "client", "harness", "suites", "containers", "cli", "double", "runner", "bench")]
    [TestCase("client/KratosConformance.Client", "harness", "containers", "double", "suites", "cli", "runner", "bench")]
    [TestCase("harness/KratosConformance.Harness", "suites", "cli", "runner", "bench")]
    [TestCase("runner/KratosConformance.Runner", "suites", "cli", "bench")]
    [TestCase("bench/KratosConformance.Bench", "suites", "cli")]
    public void A_library_does_not_reference_layers_above_it(string project, params string[] forbiddenFolders)
    {
        var p = Projects().Single(x => x.Path.StartsWith(project + "/", StringComparison.Ordinal));
        var bad = p.References.Where(r => forbiddenFolders.Any(f => r.Target.StartsWith(f + "/", StringComparison.Ordinal))).Select(r => r.Target).ToList();
        bad.Should().BeEmpty("{0} sits below {1}", p.Name, string.Join(", ", forbiddenFolders));
    }

    private sealed record Reference(string Target, bool CompilesAgainst);

    private sealed record Project(string Name, string Path, IReadOnlyList<Reference> References);

    /// <summary>"cli/KratosConformance.Cli/…": relative to the checkout, so the checkout's own location never matches a folder.</summary>
    private static string Relative(string path) => System.IO.Path.GetRelativePath(Repository.Root, path);

    private static IEnumerable<Project> Projects() =>
        Directory.EnumerateFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/.kc/", StringComparison.Ordinal))
            .Select(f =>
            {
                var doc = XDocument.Load(f);
                var refs = doc.Descendants("ProjectReference")
                    .Select(r => new Reference(
                        Relative(System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(f)!, (string)r.Attribute("Include")!))),
                        (string?)r.Attribute("ReferenceOutputAssembly") != "false"))
                    .ToList();
                return new Project(System.IO.Path.GetFileNameWithoutExtension(f), Relative(f), refs);
            });
}
