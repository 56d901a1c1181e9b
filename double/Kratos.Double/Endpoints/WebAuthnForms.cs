using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Ui;

namespace Kratos.Double.Endpoints;

/// <summary>
/// What the WebAuthn strategy adds to browser flows only (factors spec §5.2): in settings (PopulateSettingsMethod,
/// §5.4) one remove button per key, the name input, the hidden result input, the registration trigger and the script,
/// with a fresh registration challenge in the internal context; at aal2 login (populateLoginMethod, §5.5) the hidden
/// identifier (the credential's first identifier), the hidden result input, the script and the login trigger over the
/// identity's MFA keys, with the challenge in the flow's internal context. API flows get nothing.
/// </summary>
internal static class WebAuthnForms
{
    public static List<JsonObject> Settings(Runtime rt, Identity identity, SettingsFlow flow, JsonObject internalContext)
    {
        if (!rt.Config.WebAuthn.Enabled || !flow.IsBrowser)
        {
            return [];
        }

        var nodes = new List<JsonObject>();
        var firstFactors = (identity.Password is null ? 0 : 1) + (identity.WebAuthn?.Keys.Count(k => k.IsPasswordless) ?? 0);
        foreach (var key in identity.WebAuthn?.Keys ?? [])
        {
            nodes.Add(WebAuthnNodes.Remove(key, disabled: key.IsPasswordless && firstFactors < 2));
        }

        var (options, session) = WebAuthnCeremony.BeginRegistration(rt.Config.WebAuthn, identity.Id);
        WebAuthnCeremony.SetSessionData(internalContext, session);
        nodes.Add(WebAuthnNodes.DisplayName());
        nodes.Add(WebAuthnNodes.RegisterInput());
        nodes.Add(WebAuthnNodes.RegisterTrigger(options));
        nodes.Add(WebAuthnNodes.ScriptNode(rt.Config));
        return nodes;
    }

    /// <summary>The aal2 nodes (and the refresh ones, which need the credential's identifiers); none without an MFA key.</summary>
    public static List<JsonObject> Login(Runtime rt, LoginFlow flow, Identity identity)
    {
        if (!rt.Config.WebAuthn.Mfa || !flow.IsBrowser || identity.WebAuthn is not { } credential || (flow.Refresh && credential.Identifiers.Count == 0))
        {
            return [];
        }

        var keys = MfaKeys(credential);
        if (keys.Count == 0)
        {
            return [];
        }

        var (options, session) = WebAuthnCeremony.BeginLogin(rt.Config.WebAuthn, credential.UserHandle, keys);
        WebAuthnCeremony.SetSessionData(flow.InternalContext, session);
        // The csrf_token node the strategy sets (SetCSRF) is the one every browser flow carries (LoginCreate).
        var nodes = new List<JsonObject>();
        if (credential.Identifiers.Count > 0)
        {
            nodes.Add(Nodes.Input("default", "identifier", "hidden", credential.Identifiers[0]));
        }

        nodes.Add(WebAuthnNodes.LoginInput());
        nodes.Add(WebAuthnNodes.ScriptNode(rt.Config));
        nodes.Add(WebAuthnNodes.LoginTrigger(options));
        return nodes;
    }

    /// <summary>ToWebAuthnFiltered at aal2: the keys that are not passwordless.</summary>
    public static List<WebAuthnKey> MfaKeys(WebAuthnCredential credential) => credential.Keys.Where(k => !k.IsPasswordless).ToList();

    /// <summary>identity/extension_credentials.go: the traits marked credentials.webauthn.identifier, lower-cased.</summary>
    public static List<string> Identifiers(Runtime rt, Identity identity)
    {
        var result = new List<string>();
        if (rt.Config.Schema.Raw["properties"]?["traits"]?["properties"] is not JsonObject props)
        {
            return result;
        }

        foreach (var (name, node) in props)
        {
            if (node?["ory.sh/kratos"]?["credentials"]?["webauthn"]?["identifier"]?.GetValue<bool>() == true
                && identity.Traits[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                result.Add(text.ToLowerInvariant());
            }
        }

        return result;
    }
}
