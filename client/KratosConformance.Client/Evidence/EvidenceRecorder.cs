using System.Globalization;
using System.Text;
using System.Text.Json;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Client.Evidence;

/// <summary>
/// The evidence of one test: <c>steps.jsonl</c> (one <see cref="EvidenceStep"/> a line) plus files named
/// <c>NNNN-name</c> beside it. Failure messages and reports point at these files, so a failed conformance test can be
/// understood from the wire without re-running it. Thread-safe: a test may drive several clients at once.
/// Everything handed in must already be masked (see <see cref="SecretMasker"/>).
/// </summary>
public sealed class EvidenceRecorder
{
    // No byte-order mark: steps.jsonl is read line by line by the report writers and by other tools (jq).
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly object _gate = new();
    private readonly List<EvidenceStep> _steps = [];
    private readonly bool _discard;

    public EvidenceRecorder(string directory, SecretMasker masker)
        : this(directory, masker, discard: false)
    {
    }

    private EvidenceRecorder(string directory, SecretMasker masker, bool discard)
    {
        Directory = directory;
        Masker = masker;
        _discard = discard;
        if (!discard)
        {
            System.IO.Directory.CreateDirectory(directory);
        }
    }

    /// <summary>evidence/&lt;test-id&gt;/ (empty for a discarding recorder).</summary>
    public string Directory { get; }

    /// <summary>The masker every writer of this test's evidence uses, so one secret gets one masked form.</summary>
    public SecretMasker Masker { get; }

    public string StepsFile => Path.Combine(Directory, "steps.jsonl");

    public IReadOnlyList<EvidenceStep> Steps
    {
        get
        {
            lock (_gate)
            {
                return _steps.ToArray();
            }
        }
    }

    /// <summary>The last HTTP exchange recorded: failure messages quote it.</summary>
    public HttpEvidence? LastHttp
    {
        get
        {
            lock (_gate)
            {
                return _steps.LastOrDefault(s => s.Http is not null)?.Http;
            }
        }
    }

    /// <summary>Self-tests use this: steps are kept in memory and nothing touches the disk.</summary>
    public static EvidenceRecorder Discarding() => new(string.Empty, new SecretMasker(reveal: false), discard: true);

    /// <summary>Assigns the next <see cref="EvidenceStep.Seq"/>, appends the step to steps.jsonl and returns it.</summary>
    public EvidenceStep Record(EvidenceStep step)
    {
        lock (_gate)
        {
            var numbered = step with { Seq = _steps.Count + 1, At = step.At == default ? DateTimeOffset.UtcNow : step.At };
            Append(numbered);
            return numbered;
        }
    }

    /// <summary>
    /// Records a step together with its file (e.g. the transcript of an exchange), both numbered with the same Seq so
    /// <c>0007-post-login.txt</c> belongs to step 7.
    /// </summary>
    public EvidenceStep Record(EvidenceStep step, string fileName, string content)
    {
        lock (_gate)
        {
            var seq = _steps.Count + 1;
            var file = WriteNumbered(seq, fileName, content);
            var numbered = step with { Seq = seq, File = file, At = step.At == default ? DateTimeOffset.UtcNow : step.At };
            Append(numbered);
            return numbered;
        }
    }

    /// <summary>Writes <c>NNNN-name</c> (NNNN = the Seq the next step will get) and returns the name relative to <see cref="Directory"/>.</summary>
    public string WriteFile(string name, string content)
    {
        lock (_gate)
        {
            return WriteNumbered(_steps.Count + 1, name, content);
        }
    }

    /// <summary>A named step of the scenario, so the evidence reads like the test ("send code to alice@…").</summary>
    public void Note(string title) => Record(new EvidenceStep { Seq = 0, Kind = EvidenceKind.Note, Title = title });

    private string WriteNumbered(int seq, string name, string content)
    {
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{seq:0000}-{name}");
        if (!_discard)
        {
            File.WriteAllText(Path.Combine(Directory, fileName), content, Utf8NoBom);
        }

        return fileName;
    }

    private void Append(EvidenceStep step)
    {
        _steps.Add(step);
        if (!_discard)
        {
            File.AppendAllText(StepsFile, JsonSerializer.Serialize(step, EvidenceJson.Options) + "\n", Utf8NoBom);
        }
    }
}
