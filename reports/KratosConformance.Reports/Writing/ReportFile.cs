using System.Text;

namespace KratosConformance.Reports.Writing;

/// <summary>
/// Writes a report file through a temporary name and a rename, so a CI step or a browser never reads a half-written
/// report (and an interrupted run leaves the previous file, not a truncated one). UTF-8 without BOM.
/// </summary>
public static class ReportFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
