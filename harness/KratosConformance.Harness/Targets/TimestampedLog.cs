using System.Collections.Concurrent;
using System.Text;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Collects an in-process Kratos's log lines with the time they were written, so a failed test's evidence gets the
/// lines of its own time window.
/// </summary>
public sealed class TimestampedLog : TextWriter
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Line)> _lines = new();
    private readonly StringBuilder _partial = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Enqueue((DateTimeOffset.Now, _partial.ToString().TrimEnd('\r')));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _lines.Enqueue((DateTimeOffset.Now, _partial.Append(value).ToString()));
            _partial.Clear();
        }
    }

    public Task<IReadOnlyList<string>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_lines.Where(l => l.At >= since).Select(l => l.Line).ToList());
}
