using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What WebAuthn as a second factor shows and stores (factors spec §5.3–§5.6): the script node and the file it loads,
/// the trigger buttons with their options JSON, and the credential the admin API returns. Input nodes without options
/// go through <see cref="NodeChecks"/>.
/// </summary>
public static class WebAuthnChecks
{
    public static readonly CheckDefinition Script = new("webauthn.script", "the webauthn_script node loads <public>/.well-known/ory/webauthn.js async, crossorigin anonymous, referrerpolicy no-referrer, type text/javascript, with a nonce and the sha512 integrity of the file served there as text/javascript", "uiNodeScriptAttributes.src", "uiNodeScriptAttributes.integrity", "uiNodeScriptAttributes.async", "uiNodeScriptAttributes.crossorigin", "uiNodeScriptAttributes.referrerpolicy", "uiNodeScriptAttributes.type", "uiNodeScriptAttributes.id", "uiNodeScriptAttributes.nonce", "uiNodeScriptAttributes.node_type");
    public static readonly CheckDefinition Trigger = new("webauthn.trigger", "the trigger button carries the options JSON as value, onclick window.<function>(<value>) and onclickTrigger <function>, with its label", "uiNodeInputAttributes.value", "uiNodeInputAttributes.onclick", "uiNodeInputAttributes.onclickTrigger");
    public static readonly CheckDefinition Options = new("webauthn.options", "the options JSON names the relying party, a fresh 32-byte challenge, the user (registration) or the registered keys (login), and userVerification discouraged", "uiNodeInputAttributes.value");
    public static readonly CheckDefinition Credential = new("webauthn.credential", "the admin API shows a webauthn credential of version 1 with the WebAuthn identifier, the user handle (identity UUID bytes) and per key its id, name, attestation none and is_passwordless false; none after the last key is removed", "identity.credentials");

    /// <summary>The script node and the file at its src (factors spec §5.3): <paramref name="served"/> is the GET of src.</summary>
    public static void ScriptLoads(Observation o, KratosResponse served, Uri publicUrl)
    {
        var node = FlowChecks.Flow(o).Ui.Nodes.FirstOrDefault(n => n.Is("webauthn", "webauthn_script"));
        var a = JsonRead.Obj(node?.Raw, "attributes");
        var expectedSrc = new Uri(publicUrl, ".well-known/ory/webauthn.js").AbsoluteUri;
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(served.BodyText)));
        var seen = node is null ? "(no webauthn/webauthn_script node)"
            : $"type={node.Type} src={JsonRead.Str(a, "src")} async={a?["async"]} crossorigin={JsonRead.Str(a, "crossorigin")} referrerpolicy={JsonRead.Str(a, "referrerpolicy")} type={JsonRead.Str(a, "type")} nonce={JsonRead.Str(a, "nonce")} integrity={JsonRead.Str(a, "integrity")}; the file: {served.Status} {served.ContentType}, {integrity}";
        var ok = node is { Type: "script" } && JsonRead.Str(a, "node_type") == "script" && JsonRead.Str(a, "src") == expectedSrc
            && a?["async"]?.GetValue<bool>() == true && JsonRead.Str(a, "crossorigin") == "anonymous" && JsonRead.Str(a, "referrerpolicy") == "no-referrer"
            && JsonRead.Str(a, "type") == "text/javascript" && !string.IsNullOrEmpty(JsonRead.Str(a, "nonce"))
            && served.Status == 200 && (served.ContentType ?? string.Empty).StartsWith("text/javascript", StringComparison.OrdinalIgnoreCase)
            && JsonRead.Str(a, "integrity") == integrity;
        Check.Verify(o, Script, ok, new FailureText
        {
            Headline = "WebAuthn script node or file differs",
            Subject = "node webauthn/webauthn_script and GET " + expectedSrc,
            Expectation = "load the served webauthn.js (200 text/javascript) with its sha512 integrity, async, crossorigin anonymous, referrerpolicy no-referrer, a nonce",
            Why = "factors spec §5.3 (x/webauthnx/nodes.go NewWebAuthnScript, handler.go)",
            Actual = "it was " + seen,
            Expected = $"script src={expectedSrc} integrity={integrity}",
            Observed = seen,
        });
    }

    /// <summary>A trigger (factors spec §5.3): value = options JSON, onclick window.fn(value), onclickTrigger fn; returns the options.</summary>
    public static JsonObject TriggerCarriesOptions(Observation o, string name, string function, long labelId)
    {
        var node = FlowChecks.Flow(o).Ui.Nodes.FirstOrDefault(n => n.Is("webauthn", name, "button"));
        var a = JsonRead.Obj(node?.Raw, "attributes");
        var value = JsonRead.Str(a, "value") ?? string.Empty;
        JsonObject? options = null;
        try
        {
            options = JsonNode.Parse(value) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            options = null;
        }

        var seen = node is null ? $"(no webauthn/{name}/button node)" : $"label={node.Label?.Id} onclickTrigger={JsonRead.Str(a, "onclickTrigger")} onclick={Short(JsonRead.Str(a, "onclick"))} value={Short(value)}";
        var ok = node is not null && node.Label?.Id == labelId && options is not null && JsonRead.Str(a, "onclickTrigger") == function
            && JsonRead.Str(a, "onclick") == $"window.{function}({value})";
        Check.Must(o, Trigger, ok, new FailureText
        {
            Headline = "WebAuthn trigger differs",
            Subject = $"node webauthn/{name}/button",
            Expectation = $"carry the options JSON as value, onclick window.{function}(<value>), onclickTrigger {function}, label {labelId}",
            Why = "factors spec §5.3 (x/webauthnx/nodes.go, js/trigger.go)",
            Actual = "it was " + seen,
            Expected = $"value {{\"publicKey\":…}} onclickTrigger={function} label={labelId}",
            Observed = seen,
        });
        return options!;
    }

    /// <summary>The creation options (factors spec §5.4): rp, the user handle of <paramref name="identityId"/>, a 43-character challenge, ES256 offered, discouraged.</summary>
    public static string RegistrationOptions(Observation o, JsonObject options, string identityId)
    {
        var pk = JsonRead.Obj(options, "publicKey");
        var userId = JsonRead.Str(JsonRead.Obj(pk, "user"), "id");
        var challenge = JsonRead.Str(pk, "challenge") ?? string.Empty;
        var algs = JsonRead.Arr(pk, "pubKeyCredParams")?.Select(p => JsonRead.Long(p, "alg")).ToList() ?? [];
        var rp = JsonRead.Obj(pk, "rp");
        var expectedUser = Base64Url.EncodeToString(Guid.Parse(identityId).ToByteArray(bigEndian: true));
        var seen = $"rp={rp?.ToJsonString()} user.id={userId} challenge={challenge} algs={Check.List(algs)} userVerification={JsonRead.Str(JsonRead.Obj(pk, "authenticatorSelection"), "userVerification")}";
        var ok = !string.IsNullOrEmpty(JsonRead.Str(rp, "id")) && !string.IsNullOrEmpty(JsonRead.Str(rp, "name")) && userId == expectedUser
            && challenge.Length == 43 && algs.Contains(-7) && JsonRead.Str(JsonRead.Obj(pk, "authenticatorSelection"), "userVerification") == "discouraged";
        Check.Must(o, Options, ok, new FailureText
        {
            Headline = "WebAuthn creation options differ",
            Subject = "webauthn_register_trigger's options JSON",
            Expectation = "name rp id and name, user.id = base64url of the identity UUID's bytes, a 43-character challenge, alg -7 among pubKeyCredParams, userVerification discouraged",
            Why = "factors spec §5.4 (go-webauthn v0.11.2 BeginRegistration, x/webauthnx/user.go)",
            Actual = "it was " + seen,
            Expected = $"user.id={expectedUser} challenge=<43 chars> alg -7 discouraged",
            Observed = seen,
        });
        return challenge;
    }

    /// <summary>The request options (factors spec §5.5): rpId, a 43-character challenge, exactly <paramref name="keyIds"/> allowed, discouraged.</summary>
    public static string LoginOptions(Observation o, JsonObject options, string rpId, IReadOnlyList<byte[]> keyIds)
    {
        var pk = JsonRead.Obj(options, "publicKey");
        var challenge = JsonRead.Str(pk, "challenge") ?? string.Empty;
        var allowed = JsonRead.Arr(pk, "allowCredentials")?.Select(c => JsonRead.Str(c, "id") ?? string.Empty).Order(StringComparer.Ordinal).ToList() ?? [];
        var expected = keyIds.Select(k => Base64Url.EncodeToString(k)).Order(StringComparer.Ordinal).ToList();
        var seen = $"rpId={JsonRead.Str(pk, "rpId")} challenge={challenge} allowCredentials={Check.List(allowed)} userVerification={JsonRead.Str(pk, "userVerification")}";
        var ok = JsonRead.Str(pk, "rpId") == rpId && challenge.Length == 43 && allowed.SequenceEqual(expected) && JsonRead.Str(pk, "userVerification") == "discouraged";
        Check.Must(o, Options, ok, new FailureText
        {
            Headline = "WebAuthn request options differ",
            Subject = "webauthn_login_trigger's options JSON",
            Expectation = $"name rpId {rpId}, a 43-character challenge, allowCredentials = the registered keys, userVerification discouraged",
            Why = "factors spec §5.5 (go-webauthn v0.11.2 BeginLogin)",
            Actual = "it was " + seen,
            Expected = $"rpId={rpId} allowCredentials={Check.List(expected)} discouraged",
            Observed = seen,
        });
        return challenge;
    }

    /// <summary>
    /// The admin API's identity with <c>?include_credential=webauthn</c> (factors spec §5.6): exactly the keys named in
    /// <paramref name="keys"/> (id, display name), or none; the stored sign count is <paramref name="signCount"/> when given.
    /// </summary>
    public static void CredentialIs(Observation o, string identityId, string identifier, IReadOnlyList<(byte[] Id, string Name)> keys, uint? signCount, string why)
    {
        var credential = JsonRead.Obj(JsonRead.Obj(o.Response.Body, "credentials"), "webauthn");
        var config = JsonRead.Obj(credential, "config");
        var stored = JsonRead.Arr(config, "credentials") ?? [];
        var identifiers = JsonRead.Arr(credential, "identifiers")?.Select(i => i?.ToString()).ToList() ?? [];
        var handle = Convert.ToBase64String(Guid.Parse(identityId).ToByteArray(bigEndian: true));
        var seen = credential is null ? "(no webauthn credential)"
            : $"version={credential["version"]} identifiers={Check.List(identifiers)} user_handle={JsonRead.Str(config, "user_handle")} keys={Check.List(stored.Select(k => $"{JsonRead.Str(k, "id")}:{JsonRead.Str(k, "display_name")}:{JsonRead.Str(k, "attestation_type")}:passwordless={k?["is_passwordless"]}:sign_count={JsonRead.Obj(k, "authenticator")?["sign_count"]}"))}";
        bool KeyOk(JsonNode? k, (byte[] Id, string Name) e) =>
            JsonRead.Str(k, "id") == Convert.ToBase64String(e.Id) && JsonRead.Str(k, "display_name") == e.Name && JsonRead.Str(k, "attestation_type") == "none"
            && k?["is_passwordless"]?.GetValue<bool>() == false && !string.IsNullOrEmpty(JsonRead.Str(k, "public_key"))
            && (signCount is null || JsonRead.Long(JsonRead.Obj(k, "authenticator"), "sign_count") == signCount);
        var ok = keys.Count == 0
            ? credential is null
            : credential is not null && JsonRead.Str(credential, "type") == "webauthn" && JsonRead.Long(credential, "version") == 1
                && identifiers.SequenceEqual([identifier]) && JsonRead.Str(config, "user_handle") == handle
                && stored.Count == keys.Count && keys.All(e => stored.Any(k => KeyOk(k, e)));
        var expected = keys.Count == 0 ? "(no webauthn credential)"
            : $"version=1 identifiers=[{identifier}] user_handle={handle} keys={Check.List(keys.Select(k => $"{Convert.ToBase64String(k.Id)}:{k.Name}:none:passwordless=False" + (signCount is null ? string.Empty : $":sign_count={signCount}")))}";
        Check.Verify(o, Credential, o.Response.Status == 200 && ok, new FailureText
        {
            Headline = keys.Count == 0 ? "webauthn credential still there" : "webauthn credential missing or different",
            Subject = "the identity's credentials.webauthn",
            Expectation = keys.Count == 0 ? "be absent" : "be " + expected,
            Why = why,
            Actual = "it was " + seen,
            Expected = expected,
            Observed = seen,
        });
    }

    private static string Short(string? text) => text is null ? "(none)" : text.Length > 60 ? text[..60] + "…" : text;
}
