namespace KratosConformance.Containers;

/// <summary>
/// Finds the shared libraries an ELF binary loads, so a FROM scratch image can carry exactly those. ldd shows what is
/// linked; OpenSSL is added when present because .NET loads it with dlopen (hashing, random numbers, TLS), which ldd
/// can not see.
/// </summary>
internal static class SharedLibraries
{
    private static readonly string[] LoadedAtRuntime = ["libssl.so.3", "libcrypto.so.3"];

    public static async Task<IReadOnlySet<string>> ResolveAsync(IEnumerable<string> binaries, CancellationToken ct)
    {
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(binaries);
        foreach (var name in LoadedAtRuntime)
        {
            if (FindInSystemDirectories(name) is { } path)
            {
                libraries.Add(path);
                pending.Enqueue(path);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var binary))
        {
            if (!seen.Add(binary))
            {
                continue;
            }

            var ldd = await ProcessRunner.RunAsync("ldd", [binary], null, null, ct).ConfigureAwait(false);
            // Not every file is a dynamic ELF for this machine (scripts, other architectures): nothing to add then.
            if (ldd.ExitCode != 0)
            {
                continue;
            }

            foreach (var line in ldd.Output.Split('\n'))
            {
                if (ParsePath(line) is { } library && libraries.Add(library))
                {
                    pending.Enqueue(library);
                }
            }
        }

        return libraries;
    }

    /// <summary>"libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)".</summary>
    private static string? ParsePath(string line)
    {
        var text = line.Trim();
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        if (arrow >= 0)
        {
            text = text[(arrow + 2)..].Trim();
        }

        var path = text.Split(' ', 2)[0];
        if (path.Contains("not found", StringComparison.Ordinal))
        {
            return null;
        }

        return path.StartsWith('/') ? path : null;
    }

    private static string? FindInSystemDirectories(string name) =>
        new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib" }
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
