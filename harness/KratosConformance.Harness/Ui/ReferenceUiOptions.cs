using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Ui;

/// <summary>Where the reference UI listens and which Kratos it renders flows of.</summary>
public sealed record ReferenceUiOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one. Targets pre-allocate it when kratos.yml must name the UI before it starts.</summary>
    public int Port { get; init; }

    /// <summary>Kratos's public base URL as the browser reaches it: redirects to flow creation point here.</summary>
    public required Uri KratosPublicUrl { get; init; }

    /// <summary>
    /// Kratos's public base URL as this process reaches it, when that differs from what the browser uses (e.g. a
    /// container network alias); null means <see cref="KratosPublicUrl"/>.
    /// </summary>
    public Uri? KratosPublicUrlForServer { get; init; }

    /// <summary>
    /// The host name the browser uses for this UI (and for Kratos), when it is not 127.0.0.1: <see cref="ReferenceUi.BaseUrl"/>
    /// and the pages' URLs carry it; the UI still listens on 127.0.0.1 (e.g. <c>localhost</c> for WebAuthn,
    /// <see cref="Ports.WebAuthnHost"/>).
    /// </summary>
    public string? BrowserHost { get; init; }

    /// <summary>The run's patience: scales the deadline of the UI's own requests to Kratos.</summary>
    public Patience Patience { get; init; } = Patience.Default;
}
