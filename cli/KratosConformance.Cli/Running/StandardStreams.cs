using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KratosConformance.Cli.Running;

/// <summary>
/// kc's own writers for standard output and error: plain file streams on descriptors 1 and 2, each behind its own lock.
/// Not <see cref="Console.Out"/>: on Unix every write through the Console's streams takes the lock of whatever
/// <see cref="Console.Out"/> is at that moment, and during a suite run that is NUnit's capture writer, which itself
/// forwards to the Console's original writer under its own lock. kc's progress lines (written from NUnit's event thread)
/// and Testcontainers' log lines (Console.Out, written while a stack is removed after a signal) then took the two locks in
/// opposite orders: a run stopped by SIGTERM hung for good (seen after a SIGKILL of ./kc: the CLI never ended).
/// </summary>
public static class StandardStreams
{
    private static readonly Lazy<TextWriter> OutWriter = new(() => Open(1) ?? Console.Out);
    private static readonly Lazy<TextWriter> ErrorWriter = new(() => Open(2) ?? Console.Error);

    public static TextWriter Out => OutWriter.Value;

    public static TextWriter Error => ErrorWriter.Value;

    // Null when the descriptor is not open (then the Console's writer, which copes with that, is used).
    private static TextWriter? Open(int descriptor)
    {
        try
        {
            var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            return TextWriter.Synchronized(new StreamWriter(new ReaderGoneTolerant(stream), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Drops what can not be written once the reader is gone (EPIPE: a parent that died, a pipe closed early), as the
    /// Console's own streams do: a run keeps stopping cleanly instead of failing on its progress lines.
    /// </summary>
    private sealed class ReaderGoneTolerant(Stream inner) : Stream
    {
        private bool _gone;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_gone)
            {
                return;
            }

            try
            {
                inner.Write(buffer, offset, count);
            }
            catch (IOException)
            {
                _gone = true;
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
