using KratosConformance.Harness.Ui;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The reference login UI a harness-started Kratos redirects to (KC_REFERENCE_UI): its pages for kratos.yml, the origin
/// Kratos's CORS must allow when it is an SPA, and the server to stop at the end of the run.
/// </summary>
internal sealed record StartedUi(IAsyncDisposable Server, Uri LoginUrl, Uri ErrorUrl, Uri HomeUrl, Uri SettingsUrl, Uri? CorsOrigin)
{
    public static async Task<StartedUi> StartAsync(HarnessSettings settings, Uri kratosPublicUrl, CancellationToken cancellationToken)
    {
        if (settings.ReferenceUi == HarnessSettings.ReferenceUiElements)
        {
            var spa = await ElementsUi.StartAsync(kratosPublicUrl, ElementsUi.BundleDirectory(), cancellationToken).ConfigureAwait(false);
            return new StartedUi(spa, spa.LoginUrl, spa.ErrorUrl, spa.HomeUrl, spa.SettingsUrl, spa.BaseUrl);
        }

        var ui = await ReferenceUi.StartAsync(new ReferenceUiOptions { KratosPublicUrl = kratosPublicUrl, Patience = settings.Patience }, cancellationToken).ConfigureAwait(false);
        return new StartedUi(ui, ui.LoginUrl, ui.ErrorUrl, ui.HomeUrl, ui.SettingsUrl, null);
    }

    /// <summary>How results.json and the report name the UI certified.</summary>
    public static string Describe(HarnessSettings settings) =>
        settings.ReferenceUi == HarnessSettings.ReferenceUiElements
            ? "reference UI: Ory Elements SPA (@ory/elements-react 1.2.1, JSON across origins)"
            : "reference UI: the harness's server-rendered UI (form posts)";
}
