using KratosConformance.Harness.Processes;

namespace KratosConformance.Robustness.Tests;

/// <summary>A temporary folder for one test's input files, deleted with it.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("kc-robustness-tests-").FullName;

    public string Directory { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    // A killed run may still be writing here: a failed delete must not hide the test's own outcome.
    public void Dispose() => OwnedTempDirectory.TryDelete(Directory);
}
