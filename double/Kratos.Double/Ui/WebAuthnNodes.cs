using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Model;
using Kratos.Double.Text;

namespace Kratos.Double.Ui;

/// <summary>
/// The WebAuthn nodes (x/webauthnx/nodes.go, factors spec §5.3–§5.5): the script node pointing at the served
/// webauthn.js with its SHA-512 integrity and a fresh nonce per render, the trigger buttons carrying the options JSON as
/// value, onclick and onclickTrigger, the hidden inputs the script fills, and one remove button per key.
/// </summary>
internal static class WebAuthnNodes
{
    /// <summary>x/webauthnx/handler.go ScriptURL, below serve.public.base_url.</summary>
    public const string ScriptPath = ".well-known/ory/webauthn.js";

    /// <summary>The bytes of webauthn.js as <paramref name="config"/>'s version serves it (Assets/NOTICE).</summary>
    public static byte[] Script(DoubleConfig config)
    {
        var name = config.IsAtLeast(EmulatedVersion.V25_4_0) ? "webauthn-v25.4.0.js" : "webauthn-v1.3.1.js";
        using var stream = typeof(WebAuthnNodes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the double's assembly lacks its embedded resource {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>ui/node NewScriptField: src, async, referrerpolicy, crossorigin, integrity, type, id, nonce, node_type.</summary>
    public static JsonObject ScriptNode(DoubleConfig config) => new()
    {
        ["type"] = "script",
        ["group"] = "webauthn",
        ["attributes"] = new JsonObject
        {
            ["src"] = new Uri(config.PublicBaseUrl, ScriptPath).ToString(),
            ["async"] = true,
            ["referrerpolicy"] = "no-referrer",
            ["crossorigin"] = "anonymous",
            ["integrity"] = "sha512-" + Convert.ToBase64String(SHA512.HashData(Script(config))),
            ["type"] = "text/javascript",
            ["id"] = "webauthn_script",
            ["nonce"] = Guid.NewGuid().ToString(),
            ["node_type"] = "script",
        },
        ["messages"] = new JsonArray(),
        ["meta"] = new JsonObject(),
    };

    /// <summary>NewWebAuthnLoginTrigger: a button whose value is the options JSON, onclick window.oryWebAuthnLogin(…).</summary>
    public static JsonObject LoginTrigger(string options) => Trigger("webauthn_login_trigger", "oryWebAuthnLogin", options, WebAuthnMessages.SignInWithKey());

    /// <summary>NewWebAuthnConnectionTrigger: the registration button, onclick window.oryWebAuthnRegistration(…).</summary>
    public static JsonObject RegisterTrigger(string options) => Trigger("webauthn_register_trigger", "oryWebAuthnRegistration", options, WebAuthnMessages.AddKey());

    public static JsonObject LoginInput() => Nodes.Input("webauthn", "webauthn_login", "hidden", emptyValue: true);

    public static JsonObject RegisterInput() => Nodes.Input("webauthn", "webauthn_register", "hidden", emptyValue: true);

    public static JsonObject DisplayName() => Nodes.Input("webauthn", "webauthn_register_displayname", "text", emptyValue: true, label: WebAuthnMessages.KeyName());

    /// <summary>NewWebAuthnUnlink: submit with the key id in lowercase hex; disabled only for a last passwordless first factor.</summary>
    public static JsonObject Remove(WebAuthnKey key, bool disabled)
    {
        var node = Nodes.Input("webauthn", "webauthn_remove", "submit", key.Hex, label: WebAuthnMessages.RemoveKey(key.DisplayName, key.AddedAt));
        node["attributes"]!["disabled"] = disabled;
        return node;
    }

    // InputAttributes order: name, type, value, …, disabled, onclick, onclickTrigger, node_type.
    private static JsonObject Trigger(string name, string function, string options, JsonObject label) => new()
    {
        ["type"] = "input",
        ["group"] = "webauthn",
        ["attributes"] = new JsonObject
        {
            ["name"] = name,
            ["type"] = "button",
            ["value"] = options,
            ["disabled"] = false,
            ["onclick"] = $"window.{function}({options})",
            ["onclickTrigger"] = function,
            ["node_type"] = "input",
        },
        ["messages"] = new JsonArray(),
        ["meta"] = new JsonObject { ["label"] = label },
    };
}
