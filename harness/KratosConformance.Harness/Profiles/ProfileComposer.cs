using System.Globalization;
using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using YamlDotNet.RepresentationModel;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// Builds the kratos.yml of a deployment: the base (fixtures/profiles/base, or the user's own --config/--schema), then
/// the profile's overlay, then the harness wiring (URLs, SMTP, schema location). Every change to the base is listed in
/// words, so users pointing the harness at their own config see exactly what was altered. The facts expectations
/// depend on (max submissions, lifespans, whoami AAL) are read from the composed result, not assumed.
/// </summary>
public sealed class ProfileComposer
{
    private const string DefaultSchemaFileName = "identity.schema.json";
    private readonly string? _userConfigPath;
    private readonly string? _userSchemaPath;
    private readonly string? _overlayPath;

    /// <summary>Uses fixtures/profiles of the checkout the harness runs from (<see cref="RepositoryLayout"/>).</summary>
    public ProfileComposer()
        : this(RepositoryLayout.ProfilesDirectory)
    {
    }

    /// <param name="profilesDirectory">Holds base/ and the overlays (&lt;profile&gt;.yml).</param>
    /// <param name="userConfigPath">The user's kratos.yml to use as the base instead of base/kratos.yml.</param>
    /// <param name="userSchemaPath">The user's identity schema instead of base/identity.schema.json.</param>
    /// <param name="overlayPath">A YAML overlay applied after the profile's, to every profile (e.g. a storage overlay).</param>
    public ProfileComposer(string profilesDirectory, string? userConfigPath = null, string? userSchemaPath = null, string? overlayPath = null)
    {
        ProfilesDirectory = profilesDirectory;
        _userConfigPath = userConfigPath;
        _userSchemaPath = userSchemaPath;
        _overlayPath = overlayPath;
    }

    public string ProfilesDirectory { get; }

    /// <summary>Overlay names available in <see cref="ProfilesDirectory"/>.</summary>
    public IReadOnlyList<string> AvailableProfiles =>
        Directory.Exists(ProfilesDirectory)
            ? Directory.GetFiles(ProfilesDirectory, "*.yml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Why <paramref name="profile"/> does not apply to the team's own config (--config), or null when it does (always
    /// without --config). A factor's overlay enables its method (selfservice.methods.&lt;m&gt;.enabled: true); on a
    /// team's config that does not enable that method the overlay would certify a configuration the team does not run,
    /// so the profile's scenarios are reported not applicable instead.
    /// </summary>
    public string? WhyNotApplicable(string profile)
    {
        var overlayPath = Path.Combine(ProfilesDirectory, profile + ".yml");
        if (_userConfigPath is null || !File.Exists(overlayPath))
        {
            return null;
        }

        // SMS runs on a team's config that has the sms channel (checked below), with the profile's phone schema or --schema.
        if (File.Exists(ProfileSchemaPath(profile)) && profile != KratosProfiles.Sms)
        {
            return $"profile '{profile}' certifies an identity schema of its own ({ProfileSchemaPath(profile)}), and the config given with --config ({_userConfigPath}) keeps the team's schema";
        }

        var team = YamlTree.Load(ReadFile(_userConfigPath, "kratos.yml"), _userConfigPath);
        if (profile == KratosProfiles.Sms && SmsChannel(team) is null)
        {
            return $"the config given with --config ({_userConfigPath}) has no courier.channels entry with id sms, which profile 'sms' tests";
        }

        var overlay = YamlTree.Load(File.ReadAllText(overlayPath), overlayPath);
        var methods = YamlTree.Get(overlay, "selfservice.methods") as YamlMappingNode;
        var missing = (methods?.Children.Keys ?? []).OfType<YamlScalarNode>().Select(k => k.Value!)
            .Where(m => Bool(overlay, $"selfservice.methods.{m}.enabled") == true && Bool(team, $"selfservice.methods.{m}.enabled") != true)
            .Select(m => $"selfservice.methods.{m}.enabled")
            .ToList();
        return missing.Count == 0
            ? null
            : $"the config given with --config ({_userConfigPath}) does not enable {string.Join(" and ", missing)}, which profile '{profile}' tests";
    }

    /// <summary>
    /// &lt;profile&gt;.schema.json beside the overlay: the identity schema a profile certifies when the behaviour lives in
    /// the schema, not in kratos.yml (code-optional: the code address on an optional trait, factors spec §9). It
    /// replaces base/identity.schema.json for the harness's own base; a --config run keeps the team's schema, so such a
    /// profile (sms aside, whose scenarios need the team's sms channel) is not applicable there (<see cref="WhyNotApplicable"/>).
    /// </summary>
    public string ProfileSchemaPath(string profile) => Path.Combine(ProfilesDirectory, profile + ".schema.json");

    /// <summary>
    /// Whether <paramref name="profile"/>'s composed config enables WebAuthn: a harness-started deployment of it is then
    /// reached under <see cref="Ports.WebAuthnHost"/> by the browser, and its relying party is the harness's UI.
    /// </summary>
    public bool EnablesWebAuthn(string profile) =>
        Bool(Merged(profile, [], out _), "selfservice.methods.webauthn.enabled") == true;

    public ComposedProfile Compose(string profile, HarnessWiring wiring)
    {
        var changes = new List<string>();
        // A profile may bring its own schema (<profile>.schema.json: code-optional's backup_email, sms's phone trait); a team's
        // --schema wins.
        var schemaPath = _userSchemaPath ?? (File.Exists(ProfileSchemaPath(profile)) ? ProfileSchemaPath(profile) : Path.Combine(ProfilesDirectory, "base", DefaultSchemaFileName));
        var root = Merged(profile, changes, out var configPath);
        var schemaJson = ReadFile(schemaPath, "identity schema");

        var schemaFileName = Path.GetFileName(schemaPath);
        Wire(root, wiring, schemaFileName, changes);
        var files = wiring.SchemaDirectoryUrl == HarnessWiring.ContainerSchemaDirectory
            ? ReferencedFiles.CopyInto(root, HarnessWiring.ContainerSchemaDirectory, wiring.SchemaDirectoryUrl + schemaFileName, Path.GetDirectoryName(Path.GetFullPath(configPath))!, _userConfigPath is null ? "the base kratos.yml" : "--config " + configPath, changes)
            : new Dictionary<string, string>();
        var facts = ReadFacts(root, wiring) with { IdentifierTraits = IdentifierTraits.Read(schemaJson) };
        return new ComposedProfile(profile, YamlTree.Save(root), schemaJson, schemaFileName, facts, changes) { ConfigFiles = files, UsesSms = SmsChannel(root) is not null };
    }

    // The base (or --config), the profile's overlay, then the run's overlay; each change listed.
    private YamlMappingNode Merged(string profile, List<string> changes, out string configPath)
    {
        configPath = _userConfigPath ?? Path.Combine(ProfilesDirectory, "base", "kratos.yml");
        var root = YamlTree.Load(ReadFile(configPath, "kratos.yml"), configPath);
        var overlayPath = Path.Combine(ProfilesDirectory, profile + ".yml");
        if (!File.Exists(overlayPath))
        {
            throw new ArgumentException(
                $"Profile '{profile}' does not exist: expected {overlayPath}. Available: {string.Join(", ", AvailableProfiles)}.", nameof(profile));
        }

        var overlay = YamlTree.Load(File.ReadAllText(overlayPath), overlayPath);
        YamlTree.Merge(root, overlay, string.Empty, (path, value) => changes.Add($"profile {profile}: set {path} to {YamlTree.Render(value)}"));
        if (_overlayPath is not null)
        {
            var extra = YamlTree.Load(ReadFile(_overlayPath, "config overlay"), _overlayPath);
            YamlTree.Merge(root, extra, string.Empty, (path, value) => changes.Add($"overlay {Path.GetFileName(_overlayPath)}: set {path} to {YamlTree.Render(value)}"));
        }

        return root;
    }

    private static void Wire(YamlMappingNode root, HarnessWiring wiring, string schemaFileName, List<string> changes)
    {
        Set(root, "serve.public.base_url", wiring.PublicBaseUrl.AbsoluteUri, changes);
        Set(root, "serve.admin.base_url", wiring.AdminBaseUrl.AbsoluteUri, changes);
        if (wiring.SmtpConnectionUri is { } smtp)
        {
            Set(root, "courier.smtp.connection_uri", smtp, changes);
        }

        if (wiring.LoginUiUrl is { } login)
        {
            Set(root, "selfservice.flows.login.ui_url", login.AbsoluteUri, changes);
        }

        if (wiring.SettingsUiUrl is { } settings)
        {
            Set(root, "selfservice.flows.settings.ui_url", settings.AbsoluteUri, changes);
        }

        if (wiring.ErrorUiUrl is { } error)
        {
            Set(root, "selfservice.flows.error.ui_url", error.AbsoluteUri, changes);
        }

        if (wiring.DefaultReturnUrl is { } returnUrl)
        {
            Set(root, "selfservice.default_browser_return_url", returnUrl.AbsoluteUri, changes);
            AllowReturnUrl(root, returnUrl.AbsoluteUri, changes);
        }

        if (wiring.CorsOrigin is { } origin)
        {
            Set(root, "serve.public.cors.enabled", "true", changes);
            Set(root, "serve.public.cors.allow_credentials", "true", changes);
            var cors = (YamlMappingNode)YamlTree.Get(root, "serve.public.cors")!;
            cors.Children[new YamlScalarNode("allowed_origins")] = new YamlSequenceNode(new YamlScalarNode(origin.GetLeftPart(UriPartial.Authority)));
            changes.Add($"set serve.public.cors.allowed_origins to [{origin.GetLeftPart(UriPartial.Authority)}]");
        }

        if (wiring.SmsUrl is { } sms && SmsChannel(root) is { } channel && YamlTree.Get(channel, "request_config") is YamlMappingNode request)
        {
            var previous = YamlTree.SetScalar(request, "url", sms.AbsoluteUri);
            if (!string.Equals(previous, sms.AbsoluteUri, StringComparison.Ordinal))
            {
                changes.Add($"set courier.channels[sms].request_config.url to {sms.AbsoluteUri}" + (previous is null ? string.Empty : $" (was {previous})"));
            }
        }

        WireRelyingParty(root, wiring, changes);
        WireSchema(root, wiring.SchemaDirectoryUrl + schemaFileName, changes);
    }

    /// <summary>
    /// With WebAuthn on and the harness's UI as the login page, the relying party is that UI: rp.id its host, rp.origins
    /// its origin, the page the browser runs the ceremony on (factors spec §5.1; Kratos checks the client data's origin
    /// against rp.origins, §5.5 item 5).
    /// </summary>
    private static void WireRelyingParty(YamlMappingNode root, HarnessWiring wiring, List<string> changes)
    {
        // On an IP-address UI no browser can run a ceremony: the profile's relying party stays (the HTTP suites' software
        // authenticator names its origin).
        if (Bool(root, "selfservice.methods.webauthn.enabled") != true || wiring.LoginUiUrl is not { } ui || ui.HostNameType != UriHostNameType.Dns)
        {
            return;
        }

        var origin = ui.GetLeftPart(UriPartial.Authority);
        Set(root, "selfservice.methods.webauthn.config.rp.id", ui.Host, changes);
        var rp = (YamlMappingNode)YamlTree.Get(root, "selfservice.methods.webauthn.config.rp")!;
        rp.Children[new YamlScalarNode("origins")] = new YamlSequenceNode(new YamlScalarNode(origin));
        changes.Add($"set selfservice.methods.webauthn.config.rp.origins to [{origin}]");
    }

    /// <summary>The courier channel with id sms (factors spec §10.2), or null.</summary>
    private static YamlMappingNode? SmsChannel(YamlMappingNode root) =>
        (YamlTree.Get(root, "courier.channels") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(c => string.Equals(YamlTree.Scalar(c, "id"), "sms", StringComparison.Ordinal));

    private static void Set(YamlMappingNode root, string path, string value, List<string> changes)
    {
        var previous = YamlTree.SetScalar(root, path, value);
        if (!string.Equals(previous, value, StringComparison.Ordinal))
        {
            changes.Add($"set {path} to {value}" + (previous is null ? string.Empty : $" (was {previous})"));
        }
    }

    private static void AllowReturnUrl(YamlMappingNode root, string url, List<string> changes)
    {
        var selfservice = (YamlMappingNode)YamlTree.Get(root, "selfservice")!;
        if (YamlTree.Get(root, "selfservice.allowed_return_urls") is not YamlSequenceNode allowed)
        {
            allowed = new YamlSequenceNode();
            selfservice.Children[new YamlScalarNode("allowed_return_urls")] = allowed;
        }

        if (!allowed.Children.OfType<YamlScalarNode>().Any(s => string.Equals(s.Value, url, StringComparison.Ordinal)))
        {
            allowed.Add(new YamlScalarNode(url));
            changes.Add($"added {url} to selfservice.allowed_return_urls");
        }
    }

    private static void WireSchema(YamlMappingNode root, string url, List<string> changes)
    {
        var schemaId = YamlTree.Scalar(root, "identity.default_schema_id") ?? "default";
        if (YamlTree.Scalar(root, "identity.default_schema_id") is null)
        {
            Set(root, "identity.default_schema_id", schemaId, changes);
        }

        var identity = (YamlMappingNode)YamlTree.Get(root, "identity")!;
        if (YamlTree.Get(root, "identity.schemas") is not YamlSequenceNode schemas)
        {
            schemas = new YamlSequenceNode();
            identity.Children[new YamlScalarNode("schemas")] = schemas;
        }

        var entry = schemas.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(s => string.Equals(YamlTree.Scalar(s, "id"), schemaId, StringComparison.Ordinal));
        if (entry is null)
        {
            entry = new YamlMappingNode { { "id", schemaId } };
            schemas.Add(entry);
        }

        var previous = YamlTree.SetScalar(entry, "url", url);
        if (!string.Equals(previous, url, StringComparison.Ordinal))
        {
            changes.Add($"set the url of identity schema '{schemaId}' to {url}" + (previous is null ? string.Empty : $" (was {previous})"));
        }
    }

    private static KratosFacts ReadFacts(YamlMappingNode root, HarnessWiring wiring)
    {
        var maxSubmissions = int.TryParse(YamlTree.Scalar(root, "selfservice.methods.code.config.max_submissions"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : 5;
        return new KratosFacts
        {
            Version = wiring.Version,
            MaxSubmissions = maxSubmissions,
            CodeLifespan = Duration(root, "selfservice.methods.code.config.lifespan"),
            LoginFlowLifespan = Duration(root, "selfservice.flows.login.lifespan"),
            WhoamiRequiredAal = YamlTree.Scalar(root, "session.whoami.required_aal") ?? "highest_available",
            CourierPullWait = Duration(root, "courier.worker.pull_wait", TimeSpan.FromSeconds(1)),
            CodeMfaEnabled = string.Equals(YamlTree.Scalar(root, "selfservice.methods.code.mfa_enabled"), "true", StringComparison.OrdinalIgnoreCase),
            Dev = wiring.Dev,
            LoginUiUrl = Url(root, "selfservice.flows.login.ui_url"),
            ErrorUiUrl = Url(root, "selfservice.flows.error.ui_url"),
            SettingsUiUrl = Url(root, "selfservice.flows.settings.ui_url"),
            RecoveryUiUrl = Url(root, "selfservice.flows.recovery.ui_url"),
            TotpEnabled = Bool(root, "selfservice.methods.totp.enabled") ?? false,
            LookupSecretEnabled = Bool(root, "selfservice.methods.lookup_secret.enabled") ?? false,
            WebAuthnOrigins = WebAuthnOrigins(root),
            SettingsRequiredAal = YamlTree.Scalar(root, "selfservice.flows.settings.required_aal") ?? "highest_available",
            PrivilegedSessionMaxAge = Duration(root, "selfservice.flows.settings.privileged_session_max_age", TimeSpan.FromHours(1)),
            DefaultBrowserReturnUrl = Url(root, "selfservice.default_browser_return_url"),
            CodeLoginReturnUrl = Url(root, "selfservice.flows.login.after.code.default_browser_return_url")
                ?? Url(root, "selfservice.flows.login.after.default_browser_return_url")
                ?? Url(root, "selfservice.default_browser_return_url"),
            AllowedReturnUrls = YamlTree.Sequence(root, "selfservice.allowed_return_urls")
                .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var url) ? url : null).OfType<Uri>().ToList(),
            SessionLifespan = GoDuration.TryParse(YamlTree.Scalar(root, "session.lifespan"), out var lifespan) ? lifespan : TimeSpan.FromHours(24),
            SessionCookieName = YamlTree.Scalar(root, "session.cookie.name") ?? "ory_kratos_session",
            SessionCookiePath = YamlTree.Scalar(root, "session.cookie.path") ?? YamlTree.Scalar(root, "cookies.path") ?? "/",
            SessionCookieSameSite = YamlTree.Scalar(root, "session.cookie.same_site") ?? YamlTree.Scalar(root, "cookies.same_site") ?? "Lax",
            SessionCookieSecureSetting = Bool(root, "session.cookie.secure"),
            SessionCookiePersistent = Bool(root, "session.cookie.persistent") ?? true,
            CookiePath = YamlTree.Scalar(root, "cookies.path") ?? "/",
            CookieSameSite = YamlTree.Scalar(root, "cookies.same_site") ?? "Lax",
            CookieSecureSetting = Bool(root, "cookies.secure"),
            CourierFromAddress = YamlTree.Scalar(root, "courier.smtp.from_address") ?? "no-reply@ory.kratos.sh",
            CourierFromName = YamlTree.Scalar(root, "courier.smtp.from_name"),
            FromConfig = true,
        };
    }

    /// <summary>driver/config/config.go WebAuthnConfig: rp.origins, else [rp.origin], else [&lt;public scheme&gt;://&lt;rp.id&gt;].</summary>
    private static IReadOnlyList<string> WebAuthnOrigins(YamlMappingNode root)
    {
        if (Bool(root, "selfservice.methods.webauthn.enabled") != true)
        {
            return [];
        }

        var origins = YamlTree.Sequence(root, "selfservice.methods.webauthn.config.rp.origins").ToList();
        if (origins.Count > 0)
        {
            return origins;
        }

        var scheme = Url(root, "serve.public.base_url")?.Scheme ?? "https";
        return YamlTree.Scalar(root, "selfservice.methods.webauthn.config.rp.origin") is { } origin
            ? [origin]
            : [$"{scheme}://{YamlTree.Scalar(root, "selfservice.methods.webauthn.config.rp.id")}"];
    }

    private static bool? Bool(YamlMappingNode root, string path) =>
        bool.TryParse(YamlTree.Scalar(root, path), out var value) ? value : null;

    private static TimeSpan Duration(YamlMappingNode root, string path) => Duration(root, path, TimeSpan.FromHours(1));

    private static TimeSpan Duration(YamlMappingNode root, string path, TimeSpan unset) =>
        GoDuration.TryParse(YamlTree.Scalar(root, path), out var d) ? d : unset;

    private static Uri? Url(YamlMappingNode root, string path) =>
        Uri.TryCreate(YamlTree.Scalar(root, path), UriKind.Absolute, out var u) ? u : null;

    private static string ReadFile(string path, string what) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"The {what} {path} does not exist.", path);
}
