using System.Runtime.Loader;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Test ids are the product's public interface: baselines, compare and users' CI refer to them. They must be unique,
/// well formed, and every conformance test must say what it checks and where the spec says so.
/// </summary>
[TestFixture]
public sealed partial class SuiteIdTests
{
    private static readonly Lazy<IReadOnlyList<ITest>> Tests = new(LoadConformanceTests);

    [Test]
    public void There_are_conformance_tests() => Tests.Value.Should().NotBeEmpty();

    [Test]
    public void Ids_are_unique()
    {
        var duplicates = Tests.Value.GroupBy(Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        duplicates.Should().BeEmpty();
    }

    [Test]
    public void Ids_have_the_published_form()
    {
        var bad = Tests.Value.Select(Id).Where(id => !IdForm().IsMatch(id)).ToList();
        bad.Should().BeEmpty("ids are login.code-mfa.<scenario>.<client> or <login|settings|recovery>.<factor>.<scenario>.<client>, client browser|spa|native|browser-ui");
    }

    [Test]
    public void Id_agrees_with_scenario_and_client_properties()
    {
        var bad = Tests.Value
            .Where(t => Id(t) != Expected(t))
            .Select(Id)
            .ToList();
        bad.Should().BeEmpty();
    }

    [Test]
    public void Every_test_has_a_summary_citing_the_spec()
    {
        var bad = Tests.Value
            .Where(t => t.Properties.Get("Description") is not string d || !d.Contains('§', StringComparison.Ordinal))
            .Select(Id)
            .ToList();
        bad.Should().BeEmpty("each test's Description names the spec section it encodes (e.g. §2.11)");
    }

    private static string Id(ITest t) => (string)t.Properties.Get("ConformanceId")!;

    // The emailed code's scenarios are bare (login.code-mfa implied); the other factors' name their flow and factor.
    private static string Expected(ITest t) =>
        t.Properties.Get("Scenario") is string s && (s.StartsWith("login.", StringComparison.Ordinal) || s.StartsWith("settings.", StringComparison.Ordinal) || s.StartsWith("recovery.", StringComparison.Ordinal))
            ? $"{s}.{t.Properties.Get("Client")}"
            : $"login.code-mfa.{t.Properties.Get("Scenario")}.{t.Properties.Get("Client")}";

    private static IReadOnlyList<ITest> LoadConformanceTests()
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Repository.Root, "suites", "KratosConformance.Suites", "bin", config, "net10.0", "KratosConformance.Suites.dll");
        var resolver = new AssemblyDependencyResolver(path);
        // NUnit's own types must be the ones this test uses, so the suites share the default context's nunit.framework.
        AssemblyLoadContext.Default.Resolving += (ctx, name) => resolver.ResolveAssemblyToPath(name) is { } file ? ctx.LoadFromAssemblyPath(file) : null;
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        var root = runner.Load(assembly, new Dictionary<string, object>());
        return Flatten(root).Where(t => !t.IsSuite && t.Properties.Get("ConformanceId") is string).ToList();
    }

    private static IEnumerable<ITest> Flatten(ITest test) => new[] { test }.Concat(test.Tests.SelectMany(Flatten));

    [GeneratedRegex(@"^(login|settings|recovery)\.[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*\.(browser|spa|native|browser-ui)$", RegexOptions.CultureInvariant)]
    private static partial Regex IdForm();
}
