using System.Security.Cryptography;

namespace KratosConformance.Containers;

/// <summary>
/// A hash over named inputs (file paths relative to a root, plus their bytes, plus free-form facts). An image tag
/// carries it, so "is this image current?" is one image-exists check.
/// </summary>
internal sealed class ContentHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentHash AddFact(string fact)
    {
        AddText("fact:" + fact);
        return this;
    }

    /// <summary>Adds every file under <paramref name="directory" /> except build output, in a stable order.</summary>
    public async Task<ContentHash> AddTreeAsync(string root, string directory, CancellationToken ct)
    {
        foreach (var file in SourceFiles(directory).Order(StringComparer.Ordinal))
        {
            await AddFileAsync(root, file, ct).ConfigureAwait(false);
        }

        return this;
    }

    public async Task<ContentHash> AddFileAsync(string root, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return this;
        }

        AddText("file:" + Path.GetRelativePath(root, file).Replace('\\', '/'));
        _hash.AppendData(await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false));
        return this;
    }

    /// <summary>Files of a project directory, leaving out bin/ and obj/ wherever they are.</summary>
    public static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    public string Hex12() => Convert.ToHexStringLower(_hash.GetCurrentHash())[..12];

    public void Dispose() => _hash.Dispose();

    private void AddText(string text)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(text));
        _hash.AppendData([0]);
    }
}
