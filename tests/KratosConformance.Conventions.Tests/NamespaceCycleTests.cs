using FluentAssertions;
using NUnit.Framework;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// No namespace of ours depends, directly or through others, on a namespace that depends back on it. A cycle makes two
/// folders one unit that can only be understood, tested and moved together; the layering in docs/architecture.md is
/// only real while this holds.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class NamespaceCycleTests
{
    [Test]
    public void Production_namespaces_form_no_cycle()
    {
        var graph = NamespaceGraph.Build(Repository.ProductionSourceFiles());

        graph.Cycles().Should().BeEmpty("namespaces must depend one way (docs/architecture.md); each cycle is listed with the uses that close it");
    }

    [Test]
    public void The_cycle_check_finds_a_cycle_when_there_is_one()
    {
        var dir = Directory.CreateTempSubdirectory("kc-conventions-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "A.cs"), "using Demo.B;\nnamespace Demo.A;\npublic sealed class Alpha { public Beta? B { get; set; } }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "B.cs"), "using Demo.A;\nnamespace Demo.B;\n// Gamma in a comment is no use\npublic sealed class Beta { public Alpha? A { get; set; } }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "C.cs"), "namespace Demo.C;\npublic sealed class Gamma { }\n");

            var cycles = NamespaceGraph.Build(Directory.GetFiles(dir.FullName)).Cycles();

            cycles.Should().ContainSingle().Which.Should().Contain("Demo.A ⇄ Demo.B").And.Contain("A.cs uses Beta").And.NotContain("Demo.C");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void A_parent_namespace_used_without_a_using_is_a_dependency()
    {
        var dir = Directory.CreateTempSubdirectory("kc-conventions-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Root.cs"), "using Demo.Child;\nnamespace Demo;\npublic sealed class Root { public Leaf? L { get; set; } }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Leaf.cs"), "namespace Demo.Child;\npublic sealed class Leaf { public Root? R { get; set; } }\n");

            NamespaceGraph.Build(Directory.GetFiles(dir.FullName)).Cycles().Should().ContainSingle().Which.Should().Contain("Leaf.cs uses Root");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
