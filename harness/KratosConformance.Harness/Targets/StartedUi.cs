using KratosConformance.Harness.Ui;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The reference login UI a harness-started Kratos redirects to (KC_REFERENCE_UI): its pages for kratos.yml, the origin
/// Kratos's CORS must allow when it is an SPA, and the server to stop at the end of the run.
/// </summary>
internal sealed record StartedUi(IAsyncDisposable Server, Uri LoginUrl, Uri ErrorUrl, Uri HomeUrl, Uri SettingsUrl, Uri? CorsOrigin)
{
    /// <param name="settings">The run's settings (which UI, patience).</param>
    /// <param name="kratosPublicUrl">Kratos's public URL as the browser reaches it.</param>
    /// <param name="kratosForServer">Kratos's public URL as the UI's server reaches it, when the browser's differs
    /// (a WebAuthn deployment's <c>localhost</c>, <see cref="Ports.WebAuthnHost"/>); the UI then takes the browser's host too.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StartedUi> StartAsync(HarnessSettings settings, Uri kratosPublicUrl, Uri? kratosForServer, CancellationToken cancellationToken)
    {
        if (settings.ReferenceUi == HarnessSettings.ReferenceUiElements)
        {
            var spa = await ElementsUi.StartAsync(kratosPublicUrl, ElementsUi.BundleDirectory(), cancellationToken).ConfigureAwait(false);
            return new StartedUi(spa, spa.LoginUrl, spa.ErrorUrl, spa.HomeUrl, spa.SettingsUrl, spa.BaseUrl);
        }

        var ui = await ReferenceUi.StartAsync(
            new ReferenceUiOptions
            {
                KratosPublicUrl = kratosPublicUrl,
                KratosPublicUrlForServer = kratosForServer,
                BrowserHost = kratosForServer is null ? null : kratosPublicUrl.Host,
                Patience = settings.Patience,
            },
            cancellationToken).ConfigureAwait(false);

        // A page on another origin than Kratos loads webauthn.js with crossorigin="anonymous" (the script node, factors
        // spec §5.3): Kratos must allow the UI's origin by CORS, as Kratos's own e2e setup enables serve.public.cors.
        return new StartedUi(ui, ui.LoginUrl, ui.ErrorUrl, ui.HomeUrl, ui.SettingsUrl, kratosForServer is null ? null : ui.BaseUrl);
    }

    /// <summary>How results.json and the report name the UI certified.</summary>
    public static string Describe(HarnessSettings settings) =>
        settings.ReferenceUi == HarnessSettings.ReferenceUiElements
            ? "reference UI: Ory Elements SPA (@ory/elements-react 1.2.1, JSON across origins)"
            : "reference UI: the harness's server-rendered UI (form posts)";
}
