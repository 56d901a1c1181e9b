namespace KratosConformance.Harness.Targets;

/// <summary>
/// What the suites run against: a stack of containers, an existing deployment, or the double in this process.
/// Profiles are named configuration overlays (fixtures/profiles); a target starts a profile's deployment on first
/// use and keeps it for the run.
/// </summary>
public interface IConformanceTarget : IAsyncDisposable
{
    /// <summary>containers | external | inprocess.</summary>
    string Name { get; }

    /// <summary>The Kratos image (containers), the URL (external) or "reference double vX (in-process)".</summary>
    string KratosDescription { get; }

    /// <summary>How mail is read, e.g. "smtp4dev over HTTP at 127.0.0.1:5080".</summary>
    string MailDescription { get; }

    Task<DeploymentLookup> GetDeploymentAsync(string profile, CancellationToken cancellationToken = default);
}
