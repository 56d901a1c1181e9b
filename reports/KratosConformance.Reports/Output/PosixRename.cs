using System.Runtime.InteropServices;

namespace KratosConformance.Reports.Output;

/// <summary>
/// rename(2), which replaces a symlink atomically. File.Move cannot be used: it stats the source through the link and
/// refuses a link to a directory ("Could not find file").
/// </summary>
internal static class PosixRename
{
    public static void Replace(string source, string destination)
    {
        if (Rename(source, destination) != 0)
        {
            throw new IOException($"rename {source} → {destination} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project avoids.
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
