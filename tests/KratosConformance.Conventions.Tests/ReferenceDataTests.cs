using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using NUnit.Framework;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// fixtures/reference holds unmodified copies of Kratos's files (Apache-2.0): its NOTICE says where each came from and
/// that it is byte-identical, and SOURCES.tsv gives each file's git blob id at its Kratos tag. These tests keep both
/// claims true: a changed, missing or unlisted file fails here, naming the file, before a self-test silently compares
/// against something that is no longer Kratos's.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReferenceDataTests
{
    private const string Folder = "fixtures/reference/";

    // The files that describe the copies rather than being copies.
    private static readonly string[] OwnFiles = ["NOTICE", "SOURCES.tsv", ".gitattributes"];

    [Test]
    public void Every_reference_file_has_the_git_blob_id_of_kratos_file_at_its_tag()
    {
        var sources = Sources();

        sources.Should().NotBeEmpty("SOURCES.tsv lists the copied files");
        var problems = sources.Select(s => (s, Path: Path.Combine(Repository.Root, Folder, s.Path)))
            .Select(x => !File.Exists(x.Path) ? $"{Folder}{x.s.Path}: missing (restore it with 'git checkout -- {Folder}')"
                : GitBlobId(File.ReadAllBytes(x.Path)) is var id && id != x.s.Blob ? $"{Folder}{x.s.Path}: blob {id}, but Kratos's {x.s.KratosPath} at {x.s.Tag} is {x.s.Blob}"
                : null)
            .OfType<string>()
            .ToList();

        problems.Should().BeEmpty("the reference files are byte-identical copies of Kratos's (fixtures/reference/NOTICE)");
    }

    [Test]
    public void Every_file_in_the_reference_folder_is_listed_with_its_source()
    {
        var listed = Sources().Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var present = Repository.AllFiles()
            .Where(f => f.StartsWith(Folder, StringComparison.Ordinal))
            .Select(f => f[Folder.Length..])
            .Where(f => !OwnFiles.Contains(f, StringComparer.Ordinal))
            .ToList();

        present.Where(f => !listed.Contains(f)).Should().BeEmpty("every copied file needs its tag and Kratos path in SOURCES.tsv, and a NOTICE entry for its folder");
        present.Should().Contain(["LICENSE", "kratos-v26.2.0/openapi.json", "kratos-v26.2.0/config.schema.json"]);
    }

    [Test]
    public void The_notice_names_source_licence_and_every_tag_it_copies_from()
    {
        var notice = File.ReadAllText(Path.Combine(Repository.Root, Folder, "NOTICE"));

        notice.Should().Contain("https://github.com/ory/kratos").And.Contain("Apache-2.0").And.Contain("LICENSE");
        foreach (var tag in Sources().Select(s => s.Tag).Distinct())
        {
            notice.Should().Contain(tag, "NOTICE names every tag a file was copied from");
        }
    }

    [Test]
    public void Git_blob_ids_are_computed_as_git_does() =>
        // `printf 'hello\n' | git hash-object --stdin`
        GitBlobId(Encoding.ASCII.GetBytes("hello\n")).Should().Be("ce013625030ba8dba906f756967f9e9ca394464a");

    private static List<(string Path, string Tag, string KratosPath, string Blob)> Sources() =>
        File.ReadAllLines(Path.Combine(Repository.Root, Folder, "SOURCES.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1], c[2], c[3]))
            .ToList();

    /// <summary>What `git hash-object` prints: SHA-1 of "blob &lt;length&gt;\0" followed by the bytes.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "git names objects by SHA-1; this compares identities, it protects nothing")]
    private static string GitBlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }
}
