using System.Diagnostics;

namespace KratosConformance.Harness.Smtp4dev;

/// <summary>Keeps the last lines a child process wrote, for start-up failure messages.</summary>
internal sealed class ProcessOutputTail
{
    private const int Keep = 40;
    private readonly Queue<string> _lines = new();

    private readonly Action<string>? _onLine;

    /// <summary>Reads the process's output from now on; <paramref name="onLine" /> sees every line, also those the tail drops.</summary>
    public ProcessOutputTail(Process process, Action<string>? onLine = null)
    {
        _onLine = onLine;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Tail()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "  (no output)" : string.Join(Environment.NewLine, _lines.Select(l => "  | " + l));
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }
}
