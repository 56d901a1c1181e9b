using System.Net.Sockets;
using System.Text;

namespace KratosConformance.Harness.MailSinks;

/// <summary>
/// One SMTP session of <see cref="InMemorySmtpSink"/> (RFC 5321): greeting, EHLO/HELO, MAIL, RCPT, DATA with dot
/// un-stuffing, RSET, NOOP, QUIT; no extensions are offered, so clients send 7-bit MIME. Enough for Kratos's courier
/// (and MailKit, which the double's courier uses); anything else is answered 502 and the session goes on.
/// </summary>
internal static class SmtpSession
{
    public static async Task RunAsync(TcpClient client, InMemorySmtpSink sink, CancellationToken cancellationToken)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        // Latin-1 maps each byte to one char and back: the message source is stored byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        var recipients = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 127.0.0.1 ESMTP kc in-memory sink").ConfigureAwait(false);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1").ConfigureAwait(false);
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK").ConfigureAwait(false);
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK").ConfigureAwait(false);
                        break;
                    case "DATA" when recipients.Count == 0:
                        await writer.WriteLineAsync("554 5.5.1 no valid recipients").ConfigureAwait(false);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end data with <CR><LF>.<CR><LF>").ConfigureAwait(false);
                        if (await ReadDataAsync(reader, cancellationToken).ConfigureAwait(false) is not { } source)
                        {
                            // The connection ended inside DATA: the client never finished the mail, so nothing is stored.
                            return;
                        }

                        try
                        {
                            sink.Store(recipients.ToList(), source);
                        }
                        catch (FormatException e)
                        {
                            recipients.Clear();
                            await writer.WriteLineAsync("554 5.6.0 message is not MIME: " + e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
                            break;
                        }

                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK queued").ConfigureAwait(false);
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK").ConfigureAwait(false);
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK").ConfigureAwait(false);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye").ConfigureAwait(false);
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 command not implemented").ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the sink stops: the session ends; what was stored stays.
        }
    }

    /// <summary>
    /// The lines up to the lone ".", with a leading "." of a stuffed line removed (RFC 5321 §4.5.2); null when the
    /// connection ended before the lone ".".
    /// </summary>
    private static async Task<byte[]?> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var source = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line == ".")
            {
                return Encoding.Latin1.GetBytes(source.ToString());
            }

            source.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return null;
    }

    /// <summary>"RCPT TO:&lt;a@b&gt; NOTIFY=…" → a@b.</summary>
    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', open + 1);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
