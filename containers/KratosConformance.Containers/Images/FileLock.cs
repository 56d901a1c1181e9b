namespace KratosConformance.Containers;

/// <summary>
/// A cross-process lock file, so two test processes (or kc and a test run) do not build the same image at once.
/// </summary>
internal sealed class FileLock : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    public static async Task<FileLock> AcquireAsync(string path, ContainerDeadline deadline, TextWriter log, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var started = DateTime.UtcNow;
        var told = false;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (DateTime.UtcNow - started >= deadline.Limit)
            {
                throw new DockerProblemException($"Another process held {path} (it builds the same image) beyond {deadline.Expired}: wait for it to finish, or end it and run again.", e);
            }
            catch (IOException)
            {
                if (!told)
                {
                    await log.WriteLineAsync($"  waiting for another process building the same image ({path})").ConfigureAwait(false);
                    told = true;
                }

                await Task.Delay(Poll, ct).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
