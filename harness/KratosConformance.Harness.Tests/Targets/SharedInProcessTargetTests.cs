using FluentAssertions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Targets;

/// <summary>
/// A target shared by a series of runs (the kill matrix) must give each run what a fresh target would: the run's
/// emulated version and deviations, an empty store, on the same doubles (no restart); and it must refuse a run it can
/// not serve rather than run it against the wrong config.
/// </summary>
[NonParallelizable]
public sealed class SharedInProcessTargetTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("kc-shared-target-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public async Task Each_run_gets_its_version_and_deviations_and_an_empty_store_from_the_same_doubles(CancellationToken ct)
    {
        var settings = new HarnessSettings { Target = TargetKind.InProcess, EvidenceRoot = _root };
        await using var shared = await SharedInProcessTarget.StartAsync(settings, ct);

        string publicUrl, identityId;
        await using (var first = await ConformanceTargets.CreateAsync(settings, TextWriter.Null, ct))
        {
            var deployment = (await first.GetDeploymentAsync("default", ct)).Deployment!;
            deployment.Facts.Version.Should().Be(KratosVersion.V26_2_0);
            publicUrl = deployment.Endpoints.PublicUrl.AbsoluteUri;
            var identity = await new IdentityFactory(deployment.Endpoints, Evidence()).CreateAsync("shared-target", ct);
            identityId = identity.Id;
        }

        await using var second = await ConformanceTargets.CreateAsync(settings with { Emulate = "v1.3.1", Deviations = ["csrf-not-enforced"] }, TextWriter.Null, ct);
        second.KratosDescription.Should().Be("reference double v1.3.1 (in-process) with deviations csrf-not-enforced");
        var again = (await second.GetDeploymentAsync("default", ct)).Deployment!;
        again.Endpoints.PublicUrl.AbsoluteUri.Should().Be(publicUrl, "the run reuses the double the first run started");
        again.Facts.Version.Should().Be(KratosVersion.V1_3_1, "the version is asked again after the switch");
        (await new KratosAdminClient(again.Endpoints, Evidence()).GetIdentityAsync(identityId, ct)).Status
            .Should().Be(404, "a run starts on an empty store, as on a fresh double");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_run_with_another_config_is_refused_not_run_against_the_shared_doubles(CancellationToken ct)
    {
        var settings = new HarnessSettings { Target = TargetKind.InProcess, EvidenceRoot = _root };
        await using var shared = await SharedInProcessTarget.StartAsync(settings, ct);

        var act = () => ConformanceTargets.CreateAsync(settings with { ConfigOverlay = "/elsewhere/overlay.yml" }, TextWriter.Null, ct);

        (await act.Should().ThrowAsync<HarnessSettingsException>()).Which.Message
            .Should().Contain("can be reused only for runs that differ in deviations, emulated version");
    }

    private EvidenceRecorder Evidence() => new(Path.Combine(_root, "evidence"), new SecretMasker(false));
}
