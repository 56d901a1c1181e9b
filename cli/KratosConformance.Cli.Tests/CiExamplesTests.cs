using FluentAssertions;
using KratosConformance.Cli.Validation;
using NUnit.Framework;

namespace KratosConformance.Cli.Tests;

/// <summary>
/// The example GitLab pipeline (examples/ci/gitlab/.gitlab-ci.yml) fits GitLab's own CI schema, and the check can fail:
/// a job key GitLab does not know and a parallel count beyond its limit are reported. (The GitHub workflow is checked by
/// GitHub's parser in ./kc test's ci-examples part, which needs Node.)
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CiExamplesTests
{
    private static string Example => Path.Combine(Repository.Root, "examples", "ci", "gitlab", ".gitlab-ci.yml");

    [Test]
    public void The_example_gitlab_pipeline_fits_gitlabs_schema()
    {
        GitLabCiSchema.Problems(Example).Should().BeEmpty();
    }

    [TestCase("  parallel: 2", "  parallel: 2\n  scripts: [oops]", "/conformance")]
    [TestCase("  parallel: 2", "  parallel: 500", "/conformance/parallel")]
    [TestCase("    when: always\n    expire_in: 30 days", "    when: sometimes\n    expire_in: 30 days", "/merge/artifacts/when")]
    public void A_broken_gitlab_pipeline_is_rejected(string original, string broken, string where)
    {
        using var files = new TempFiles();
        var text = File.ReadAllText(Example);
        text.Should().Contain(original);
        var path = files.Write(".gitlab-ci.yml", text.Replace(original, broken, StringComparison.Ordinal));

        GitLabCiSchema.Problems(path).Should().Contain(p => p.StartsWith(where + ":", StringComparison.Ordinal));
    }
}
