using System.Text.Json.Nodes;
using static Kratos.Double.Config.ConfigLoader;

namespace Kratos.Double.Config;

/// <summary>
/// selfservice.methods.webauthn (factors spec §5.1; driver/config/config.go WebAuthnConfig): the relying party the
/// ceremonies name and the origins an assertion may come from. Origins are rp.origins, else [rp.origin], else
/// ["&lt;scheme of serve.public.base_url&gt;://&lt;rp.id&gt;"]. User verification is always "discouraged".
/// </summary>
internal sealed record WebAuthnConfig(bool Enabled, bool Passwordless, string RpId, string DisplayName, IReadOnlyList<string> Origins)
{
    /// <summary>The method as an unconfigured Kratos has it: off.</summary>
    public static WebAuthnConfig Disabled { get; } = new(false, false, string.Empty, string.Empty, []);

    public static WebAuthnConfig From(JsonObject root, Uri publicBase)
    {
        if (Bool(root, "selfservice.methods.webauthn.enabled") != true)
        {
            return Disabled;
        }

        var rpId = Str(root, "selfservice.methods.webauthn.config.rp.id") ?? string.Empty;
        var origins = (Get(root, "selfservice.methods.webauthn.config.rp.origins") as JsonArray)?.Select(o => o?.ToString() ?? string.Empty).ToList();
        if (origins is null or { Count: 0 })
        {
            origins = Str(root, "selfservice.methods.webauthn.config.rp.origin") is { } origin ? [origin] : [$"{publicBase.Scheme}://{rpId}"];
        }

        return new WebAuthnConfig(
            true,
            Bool(root, "selfservice.methods.webauthn.config.passwordless") ?? false,
            rpId,
            Str(root, "selfservice.methods.webauthn.config.rp.display_name") ?? string.Empty,
            origins);
    }

    /// <summary>WebAuthn as a second factor: enabled and not passwordless (§5.1: passwordless keys are a first factor).</summary>
    public bool Mfa => Enabled && !Passwordless;
}
