using FluentAssertions;
using NUnit.Framework;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Nothing in the build or the tests may read outside the checkout: a user's clone has no ../shared beside it, and the
/// tests must run from a fresh clone (issue 13). Kratos's reference files live in fixtures/reference.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RepositoryBoundaryTests
{
    [Test]
    public void No_source_or_project_file_refers_to_a_path_outside_the_repository()
    {
        var checkedFiles = 0;
        var offenders = new List<string>();
        foreach (var file in Repository.AllFiles())
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, file));
            if (!RepositoryBoundary.IsChecked(file, text.Split('\n', 2)[0]))
            {
                continue;
            }

            checkedFiles++;
            offenders.AddRange(RepositoryBoundary.OutsideReferences(file, text).Select(r => $"{file} {r}"));
        }

        checkedFiles.Should().BeGreaterThan(100, "the check must see the repository's sources, project files and scripts");
        offenders.Should().BeEmpty("the build and the tests read only what is in the checkout (reference data: fixtures/reference)");
    }

    [TestCase("harness/KratosConformance.Harness/Paths/RepositoryLayout.cs", """var dir = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference"));""")]
    [TestCase("double/Kratos.Double.Tests/Support/ReferenceFiles.cs", """var reference = Path.Combine(dir.Parent.FullName, "shared", "reference");""")]
    [TestCase("fixtures/KratosConformance.Client.Tests/Profiles/X.cs", """Path.Combine(RepositoryRoot(), "..", "kratos", "config.schema.json")""")]
    [TestCase("tests/X/X.csproj", """<None Include="../../../shared/reference/openapi.json" />""")]
    [TestCase("tests/X/X.csproj", """<None Include="../../../kratos/spec/api.json" />""")]
    [TestCase("scripts/setup.sh", """cp -r "$(dirname "$0")/../../other" .""")]
    [TestCase("kc", """source "$KC_ROOT/../env.sh" """)]
    [TestCase("double/Kratos.Double.Tests/Support/X.cs", """File.ReadAllText("/work/shared/reference/kratos-v26.2.0/openapi.json")""")]
    [TestCase("Directory.Build.props", """<OutputPath>/home/dev/out</OutputPath>""")]
    [TestCase("cli/X/Y.cs", """var path = "C:\\Users\\dev\\kratos\\openapi.json";""")]
    public void Catches_a_reference_outside_the_checkout(string file, string line) =>
        RepositoryBoundary.OutsideReferences(file, "// first line\n" + line + "\n").Should().ContainSingle().Which.Should().StartWith("line 2: ");

    [TestCase("cli/KratosConformance.Cli/KratosConformance.Cli.csproj", """<ProjectReference Include="../../harness/KratosConformance.Harness/KratosConformance.Harness.csproj" />""")]
    [TestCase(".ci/run", """cd "$(dirname "$0")/.." """)]
    [TestCase("containers/KratosConformance.Containers/Images/Smtp4devImageRecipe.cs", """return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));""")]
    [TestCase("containers/KratosConformance.Containers/Images/Smtp4devImageRecipe.cs", """// The running process is itself hosted by that runtime: .../shared/Microsoft.NETCore.App/<version>/.""")]
    [TestCase("double/Kratos.Double.Tests/Support/ReferenceFiles.cs", """return Path.Combine(root, "fixtures", "reference");""")]
    [TestCase("fixtures/profiles/base/kratos.yml", """  config_file: /etc/config/kratos/identity.schema.json""")]
    [TestCase("fixtures/profiles/base/kratos.yml", """  default_browser_return_url: http://127.0.0.1:4455/work/""")]
    [TestCase("containers/X/KratosDsn.cs", """/// a relative path is relative to the image's WORKDIR /home/ory""")]
    [TestCase("fixtures/X/Y.cs", """+ $@"  - \d\d:\d\d:\d\d\.\d\d\d to={Escape(to)}");""")]
    public void Leaves_paths_inside_the_checkout_or_of_the_runtime_alone(string file, string line) =>
        RepositoryBoundary.OutsideReferences(file, line).Should().BeEmpty();

    [TestCase("README.md", "", false)]
    [TestCase("fixtures/reference/kratos-v26.2.0/openapi.json", "{", false)]
    [TestCase("fixtures/profiles/base/kratos.yml", "dsn: memory", true)]
    [TestCase("kc", "#!/usr/bin/env bash", true)]
    [TestCase(".ci/run", "#!/usr/bin/env bash", true)]
    [TestCase("Directory.Packages.props", "<Project>", true)]
    public void Checks_source_project_script_and_config_files_only(string file, string firstLine, bool isChecked) =>
        RepositoryBoundary.IsChecked(file, firstLine).Should().Be(isChecked);
}
