using System.Runtime.InteropServices;

namespace KratosConformance.Cli.Running;

/// <summary>
/// Keeps the files of a --reveal-secrets run readable by their owner only. The process's umask is tightened before
/// the run starts, so every report and evidence file is created 0600 (folders 0700) and is never world-readable, not
/// even for a moment; after the run, the run folder is swept once more for files another writer created.
/// </summary>
public static class SecretFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>From now on, files this process creates are 0600 and folders 0700.</summary>
    public static void CreateOwnerOnly()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(Convert.ToUInt32("077", 8));
        }
    }

    /// <summary>Sets every file under <paramref name="directory"/> to 0600 and every folder to 0700, the folder itself included.</summary>
    public static void RestrictToOwner(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        File.SetUnixFileMode(directory, OwnerDirectory);
        foreach (var dir in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(dir, OwnerDirectory);
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, OwnerFile);
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project avoids.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
