using System.Globalization;
using System.Text.Json.Nodes;
using static Kratos.Double.Config.ConfigLoader;

namespace Kratos.Double.Config;

/// <summary>Builds the typed config once the listeners are bound (base URLs need the real ports).</summary>
internal static class ConfigBuilder
{
    public static int ConfiguredPort(JsonObject root, string surface, int? optionPort, int fallback) =>
        optionPort ?? (int.TryParse(Str(root, $"serve.{surface}.port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : fallback);

    public static DoubleConfig Build(
        JsonObject root, IdentitySchema schema, string schemaId, string schemaUrl, string version, bool dev,
        string bindAddress, int publicPort, int adminPort)
    {
        // Kratos derives https://<hostname>:<port>/ for an unset base_url on every interface; the double serves plain
        // HTTP and names the loopback address instead, so its own redirects stay reachable.
        var host = bindAddress is "" or "0.0.0.0" or "::" or "[::]" or "*" || bindAddress.StartsWith("unix:", StringComparison.Ordinal) ? "127.0.0.1" : bindAddress;
        var publicBase = BaseUrl(Str(root, "serve.public.base_url"), host, publicPort);
        var adminBase = BaseUrl(Str(root, "serve.admin.base_url"), host, adminPort);
        var maxSubmissions = 5;
        if (EmulatedVersion.Compare(version, EmulatedVersion.V25_4_0) >= 0 && Get(root, "selfservice.methods.code.config.max_submissions") is { } ms)
        {
            // config.max_submissions exists from v25.4.0 (commit 0e68c7ef0); hard-coded 5 before.
            maxSubmissions = (int)Number(ms);
        }

        return new DoubleConfig
        {
            Version = version,
            Dev = dev || Bool(root, "dev") == true,
            PublicBaseUrl = publicBase,
            AdminBaseUrl = adminBase,
            PublicHost = bindAddress,
            PublicPort = publicPort,
            AdminHost = bindAddress,
            AdminPort = adminPort,
            DefaultBrowserReturnUrl = Str(root, "selfservice.default_browser_return_url")!,
            AllowedReturnUrls = (Get(root, "selfservice.allowed_return_urls") as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToList() ?? [],
            CodeEnabled = Bool(root, "selfservice.methods.code.enabled") ?? true,
            MfaEnabled = Bool(root, "selfservice.methods.code.mfa_enabled") ?? false,
            PasswordlessEnabled = Bool(root, "selfservice.methods.code.passwordless_enabled") ?? false,
            FallbackEnabled = Bool(root, "selfservice.methods.code.config.missing_credential_fallback_enabled") ?? false,
            CodeLifespan = Duration(root, "selfservice.methods.code.config.lifespan", TimeSpan.FromHours(1)),
            MaxSubmissions = maxSubmissions,
            PasswordEnabled = Bool(root, "selfservice.methods.password.enabled") ?? true,
            LoginUiUrl = Str(root, "selfservice.flows.login.ui_url") ?? "https://www.ory.sh/kratos/docs/fallback/login",
            LoginLifespan = Duration(root, "selfservice.flows.login.lifespan", TimeSpan.FromHours(1)),
            LoginAfterReturnUrl = Str(root, "selfservice.flows.login.after.default_browser_return_url"),
            LoginAfterCodeReturnUrl = Str(root, "selfservice.flows.login.after.code.default_browser_return_url"),
            LoginAfterPasswordReturnUrl = Str(root, "selfservice.flows.login.after.password.default_browser_return_url"),
            ErrorUiUrl = Str(root, "selfservice.flows.error.ui_url") ?? "https://www.ory.sh/kratos/docs/fallback/error",
            LogoutAfterReturnUrl = Str(root, "selfservice.flows.logout.after.default_browser_return_url"),
            WhoamiRequiredAal = Str(root, "session.whoami.required_aal") ?? "highest_available",
            SessionLifespan = Duration(root, "session.lifespan", TimeSpan.FromHours(24)),
            SessionCookieName = Str(root, "session.cookie.name") ?? "ory_kratos_session",
            CookieDomain = Str(root, "cookies.domain"),
            CookiePath = Str(root, "cookies.path") ?? "/",
            CookieSameSite = Str(root, "cookies.same_site") ?? "Lax",
            SmtpConnectionUri = Str(root, "courier.smtp.connection_uri"),
            FromAddress = Str(root, "courier.smtp.from_address") ?? "no-reply@ory.kratos.sh",
            FromName = Str(root, "courier.smtp.from_name"),
            LocalName = Str(root, "courier.smtp.local_name") ?? "localhost",
            MessageRetries = int.TryParse(Str(root, "courier.message_retries"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 5,
            CourierPullWait = Duration(root, "courier.worker.pull_wait", TimeSpan.FromSeconds(1)),
            CourierChannels = CourierChannelReader.Read(root),
            CourierPullCount = int.TryParse(Str(root, "courier.worker.pull_count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pc) && pc > 0 ? pc : 10,
            LogLeakSensitive = Bool(root, "log.leak_sensitive_values") ?? false,
            Dsn = Str(root, "dsn")!,
            Schema = schema,
            SchemaId = schemaId,
            SchemaUrl = schemaUrl,
            Cors = CorsConfig.From(root),
            RecoveryEnabled = Bool(root, "selfservice.flows.recovery.enabled") ?? false,
            RecoveryUiUrl = Str(root, "selfservice.flows.recovery.ui_url") ?? "https://www.ory.sh/kratos/docs/fallback/recovery",
            RecoveryLifespan = Duration(root, "selfservice.flows.recovery.lifespan", TimeSpan.FromHours(1)),
            UseContinueWithTransitions = Bool(root, "feature_flags.use_continue_with_transitions") ?? false,
            TotpEnabled = Bool(root, "selfservice.methods.totp.enabled") ?? false,
            TotpIssuer = Str(root, "selfservice.methods.totp.config.issuer") ?? publicBase.Host,
            LookupEnabled = Bool(root, "selfservice.methods.lookup_secret.enabled") ?? false,
            WebAuthn = WebAuthnConfig.From(root, publicBase),
            ProfileEnabled = Bool(root, "selfservice.methods.profile.enabled") ?? true,
            SettingsUiUrl = Str(root, "selfservice.flows.settings.ui_url") ?? "https://www.ory.sh/kratos/docs/fallback/settings",
            SettingsLifespan = Duration(root, "selfservice.flows.settings.lifespan", TimeSpan.FromHours(1)),
            SettingsRequiredAal = Str(root, "selfservice.flows.settings.required_aal") ?? "highest_available",
            PrivilegedSessionMaxAge = Duration(root, "selfservice.flows.settings.privileged_session_max_age", TimeSpan.FromHours(1)),
            SettingsAfterReturnUrl = Str(root, "selfservice.flows.settings.after.default_browser_return_url"),
            MethodSettingsReturnUrls = new[] { "password", "profile", "totp", "lookup_secret", "webauthn" }
                .Where(m => Str(root, $"selfservice.flows.settings.after.{m}.default_browser_return_url") is not null)
                .ToDictionary(m => m, m => Str(root, $"selfservice.flows.settings.after.{m}.default_browser_return_url")!),
        };
    }

    private static Uri BaseUrl(string? configured, string host, int port)
    {
        if (configured is not null)
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }

        // Kratos derives https://<hostname>:<port>/ (http with --dev); the double only serves plain HTTP.
        return new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    private static TimeSpan Duration(JsonObject root, string key, TimeSpan fallback) =>
        Str(root, key) is { } text && DurationParser.TryParse(text, out var value) ? value : fallback;
}
