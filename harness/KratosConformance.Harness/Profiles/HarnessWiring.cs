using KratosConformance.Client.Versions;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// What only the harness knows when it starts a deployment: where Kratos will answer, where its mail goes, which UI
/// URLs the redirects must point at, and where the identity schema file will be. The composer writes these into the
/// kratos.yml and tells the user each change it made.
/// </summary>
public sealed record HarnessWiring
{
    /// <summary>Schema location inside a Kratos container (the quickstart mounts its config at /etc/config/kratos).</summary>
    public const string ContainerSchemaDirectory = "file:///etc/config/kratos/";

    /// <summary>serve.public.base_url as seen by the harness (shapes ui.action, redirects and the CSRF cookie name).</summary>
    public required Uri PublicBaseUrl { get; init; }
    public required Uri AdminBaseUrl { get; init; }
    /// <summary>courier.smtp.connection_uri, e.g. smtp://mail:25/?disable_starttls=true; null keeps the profile's.</summary>
    public string? SmtpConnectionUri { get; init; }
    public Uri? LoginUiUrl { get; init; }
    public Uri? ErrorUiUrl { get; init; }
    /// <summary>selfservice.flows.settings.ui_url: where settings steps send the browser.</summary>
    public Uri? SettingsUiUrl { get; init; }
    /// <summary>selfservice.default_browser_return_url; also added to allowed_return_urls.</summary>
    public Uri? DefaultReturnUrl { get; init; }
    /// <summary>An SPA's origin: serve.public.cors is enabled for it with credentials (the SPA fetches with cookies).</summary>
    public Uri? CorsOrigin { get; init; }
    /// <summary>The SMS sink as Kratos reaches it: written into request_config.url of the config's sms courier channel, if it has one.</summary>
    public Uri? SmsUrl { get; init; }
    /// <summary>URL of the directory the schema file is placed in, ending in '/': <see cref="ContainerSchemaDirectory"/>
    /// or <see cref="InProcessSchemaDirectory"/>.</summary>
    public string SchemaDirectoryUrl { get; init; } = ContainerSchemaDirectory;
    /// <summary>The version the deployment runs (facts are keyed by it).</summary>
    public KratosVersion Version { get; init; } = KratosVersion.V26_2_0;
    /// <summary>Whether Kratos runs with --dev (a command-line flag, not config).</summary>
    public bool Dev { get; init; }

    /// <summary>file://&lt;absolute directory&gt;/ for a Kratos (or the double) reading the schema from this machine.</summary>
    public static string InProcessSchemaDirectory(string directory) =>
        new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar).AbsoluteUri;
}
