using System.Text.Json;
using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Reports.Evidence;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Evidence;

public sealed class EvidenceRecorderTests
{
    private string _directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "kc-evidence-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void Writes_numbered_steps_and_files_beside_steps_jsonl()
    {
        var recorder = new EvidenceRecorder(_directory, new SecretMasker(reveal: false));

        recorder.Note("send code to alice@conformance.test");
        var step = recorder.Record(
            new EvidenceStep { Seq = 0, Kind = EvidenceKind.Http, Title = "POST /self-service/login?flow=6b1c… -> 400", Http = new HttpEvidence { Method = "POST", Url = "http://x/self-service/login", Status = 400 } },
            "post-login.txt",
            "POST http://x/self-service/login HTTP/1.1\n");

        step.Seq.Should().Be(2);
        step.File.Should().Be("0002-post-login.txt");
        File.ReadAllText(Path.Combine(_directory, "0002-post-login.txt")).Should().Be("POST http://x/self-service/login HTTP/1.1\n");
        var lines = File.ReadAllLines(Path.Combine(_directory, "steps.jsonl"));
        lines.Should().HaveCount(2);
        JsonSerializer.Deserialize<EvidenceStep>(lines[0], EvidenceJson.Options)!.Title.Should().Be("send code to alice@conformance.test");
        EvidenceJson.ReadSteps(recorder.StepsFile).Select(s => s.Seq).Should().Equal(1, 2);
        recorder.LastHttp!.Status.Should().Be(400);
        recorder.WriteFile("page.html", "<html/>").Should().Be("0003-page.html");
    }

    [Test]
    public void Discarding_recorder_keeps_steps_in_memory_only()
    {
        var recorder = EvidenceRecorder.Discarding();

        recorder.Note("a");
        recorder.Note("b");

        recorder.Steps.Select(s => (s.Seq, s.Title)).Should().Equal((1, "a"), (2, "b"));
        recorder.Directory.Should().BeEmpty();
    }
}
