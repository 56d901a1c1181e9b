using System.Text.RegularExpressions;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Finds references to places outside the checkout in source, project, build, script and configuration files. A
/// user's clone has nothing beside it (no shared reference folder next to it) and no development machine's folders, so
/// such a reference is a build or test that works here and fails there. This file and its tests spell out the patterns
/// they look for, so they are the two files the check leaves out.
/// </summary>
internal static partial class RepositoryBoundary
{
    private static readonly string[] CheckedExtensions =
        [".cs", ".csproj", ".props", ".targets", ".sln", ".sh", ".json", ".yml", ".yaml", ".config", ".editorconfig", ".gitattributes", ".gitignore"];

    /// <summary>
    /// Source, project, build, script and configuration files; not the docs (they may point a reader at material outside
    /// the repository) and not fixtures/reference (Kratos's own files, copied byte for byte).
    /// </summary>
    public static bool IsChecked(string relativePath, string firstLine) =>
        !relativePath.StartsWith("fixtures/reference/", StringComparison.Ordinal)
        && !relativePath.StartsWith("tests/KratosConformance.Conventions.Tests/RepositoryBoundary", StringComparison.Ordinal)
        && (CheckedExtensions.Contains(Path.GetExtension(relativePath), StringComparer.Ordinal)
            || CheckedExtensions.Contains(Path.GetFileName(relativePath), StringComparer.Ordinal)
            || firstLine.StartsWith("#!", StringComparison.Ordinal));

    /// <summary>Each reference outside the checkout in <paramref name="text"/>, as "line N: why: the line".</summary>
    public static IEnumerable<string> OutsideReferences(string relativePath, string text)
    {
        var lines = text.Split('\n');
        var depth = relativePath.Count(c => c == '/');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var why = SharedFolder().IsMatch(line) ? "refers to ../shared (a user's clone has nothing beside it)"
                : MachinePath().IsMatch(line) ? "names a folder of a development machine"
                : relativePath.EndsWith(".cs", StringComparison.Ordinal)
                    ? (RootAnchor().IsMatch(line) && CodeClimb().IsMatch(line) ? "climbs above the checkout root" : null)
                    : ClimbsOut(line, depth) ? "a relative path climbs above the checkout" : null;
            if (why is not null)
            {
                yield return $"line {i + 1}: {why}: {line.Trim()}";
            }
        }
    }

    /// <summary>A run of '..' segments longer than the file's own depth below the root leaves the checkout.</summary>
    private static bool ClimbsOut(string line, int depth) =>
        RelativeClimb().Matches(line).Any(m => m.Value.Split('/', '\\').Length > depth);

    // "../shared", "..\shared", "..", "shared" or "shared", "reference" as Path.Combine segments, shared/reference.
    [GeneratedRegex("""(?<![.\w])\.\.[/\\]shared\b|"\.\."\s*,\s*"shared"|"shared"\s*,\s*"reference"|\bshared[/\\]reference\b""")]
    private static partial Regex SharedFolder();

    // Home and work folders of Linux, macOS and Windows machines (C:\Users\…, also with the backslash escaped). /home/ory
    // is not one: it is the oryd/kratos image's WORKDIR, which the double's image reproduces.
    [GeneratedRegex("""(?<![\w.$])(/work/|/home/(?!ory\b)|/Users/|\b[A-Za-z]:\\{1,2}Users\b)""")]
    private static partial Regex MachinePath();

    // A path expression starting from the checkout root in code (RepositoryLayout.Root, Repository.Root, RepositoryRoot()…).
    [GeneratedRegex("""\b(Root|RepositoryRoot|RequireRoot|RepoRoot|ReferenceFiles\.Directory|KratosReference\.Directory)\b""")]
    private static partial Regex RootAnchor();

    [GeneratedRegex("""("\.\."|"\.\.[/\\])""")]
    private static partial Regex CodeClimb();

    // Consecutive '..' segments: ../../x, "..", $(dirname "$0")/..
    [GeneratedRegex("""(?<![\w.])\.\.(?:[/\\]\.\.)*(?![\w.])""")]
    private static partial Regex RelativeClimb();
}
