using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Waits belong in one polling helper with a deadline (style.md principle 4): a sleep in a suite is either a flaky
/// test or a slow one, and a conformance verdict must never depend on timing luck.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class SuiteHygieneTests
{
    [Test]
    public void Suites_contain_no_sleeps_or_fixed_delays()
    {
        var offenders = Repository.SourceFiles("suites")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => SleepPattern().IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Repository.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("waits use the polling helper with a deadline");
    }

    [Test]
    public void Source_files_stay_small()
    {
        // ~300 lines is the house limit (style.md principle 7); 400 leaves room for a file with a reason.
        var big = new[] { "suites", "client", "harness", "containers", "reports", "double", "cli", "tests" }
            .SelectMany(Repository.SourceFiles)
            .Select(f => (File: Path.GetRelativePath(Repository.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > 400)
            .Select(x => $"{x.File} ({x.Lines} lines)")
            .ToList();

        big.Should().BeEmpty("small files with names that explain themselves are easier to find and review");
    }

    [GeneratedRegex(@"Thread\.Sleep|Task\.Delay\(", RegexOptions.CultureInvariant)]
    private static partial Regex SleepPattern();
}
