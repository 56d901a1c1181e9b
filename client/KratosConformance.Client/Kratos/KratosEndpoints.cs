using KratosConformance.Client.Waiting;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Where a Kratos deployment answers, as seen from the harness (public and admin base URLs, trailing slash), and how
/// patiently the harness waits for its answers: every client made for these endpoints bounds its requests by
/// <see cref="RequestDeadline"/>, so one setting of the run (<see cref="Patience"/>) reaches all of them.
/// </summary>
public sealed record KratosEndpoints(Uri PublicUrl, Uri AdminUrl)
{
    /// <summary>The run's patience; targets set it from the harness settings.</summary>
    public Patience Patience { get; init; } = Patience.Default;

    /// <summary>30 s for one request to Kratos, public or admin: Kratos answers a flow request in milliseconds, a loaded CI runner in seconds.</summary>
    public Deadline RequestDeadline => Patience.For("Kratos request", TimeSpan.FromSeconds(30));
}
