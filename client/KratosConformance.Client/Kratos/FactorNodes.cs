using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// What a client reads from a settings flow to use a second factor, as Ory's own e2e tests do (factors spec §11): the
/// TOTP secret from the text node <c>totp_secret_key</c> (<c>attributes.text.context.secret</c>), the QR image's
/// <c>src</c>, and the backup codes from the text node <c>lookup_secret_codes</c>
/// (<c>attributes.text.context.secrets[*].context.secret</c>; used codes carry <c>used_at</c> instead).
/// </summary>
public static class FactorNodes
{
    /// <summary>The base32 TOTP secret of a settings flow offering enrolment, or null.</summary>
    public static string? TotpSecret(LoginFlow flow) =>
        KratosJson.Str(KratosJson.Obj(TextOf(flow, "totp", "totp_secret_key"), "context"), "secret");

    /// <summary>The QR image's <c>src</c> (a data: URI, factors spec §3.2), or null.</summary>
    public static string? TotpQrSource(LoginFlow flow) =>
        KratosJson.Str(KratosJson.Obj(Node(flow, "totp", "totp_qr")?.Raw, "attributes"), "src");

    /// <summary>The unused backup codes shown by regenerate or reveal, in order; empty when none are shown.</summary>
    public static IReadOnlyList<string> LookupCodes(LoginFlow flow) =>
        EntriesJson(flow).Select(e => KratosJson.Str(KratosJson.Obj(e, "context"), "secret")).OfType<string>().ToList();

    /// <summary>Each entry of the shown list: its message id (1050009 unused, 1050014 used) and its text.</summary>
    public static IReadOnlyList<(long Id, string Text)> LookupEntries(LoginFlow flow) =>
        EntriesJson(flow).Select(e => (KratosJson.Long(e, "id"), KratosJson.Str(e, "text") ?? string.Empty)).ToList();

    /// <summary>The <c>attributes.text</c> object of text node <paramref name="id"/> in <paramref name="group"/>, or null.</summary>
    public static JsonObject? TextOf(LoginFlow flow, string group, string id) =>
        KratosJson.Obj(KratosJson.Obj(Node(flow, group, id)?.Raw, "attributes"), "text");

    private static IEnumerable<JsonObject> EntriesJson(LoginFlow flow) =>
        KratosJson.Arr(KratosJson.Obj(TextOf(flow, "lookup_secret", "lookup_secret_codes"), "context"), "secrets")?.OfType<JsonObject>() ?? [];

    private static UiNode? Node(LoginFlow flow, string group, string id) => flow.Ui.Nodes.FirstOrDefault(n => n.Is(group, id));
}
