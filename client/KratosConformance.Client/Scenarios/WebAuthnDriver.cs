using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Client.Scenarios;

/// <summary>
/// The WebAuthn steps against one deployment, without checks, as <see cref="FactorDriver"/> is for TOTP and backup
/// codes: what Kratos's webauthn.js does in a browser (factors spec §5.3), done by a <see cref="SoftwareAuthenticator"/>:
/// read the options JSON from the trigger's value, answer it, and post the answer into the hidden input together with
/// the form's other fields. Each step writes one evidence note and returns what Kratos answered.
/// </summary>
public sealed class WebAuthnDriver(KratosFacts facts, EvidenceRecorder evidence)
{
    /// <summary>The options JSON a trigger node carries in its value (§5.3), or null when the flow has no such trigger.</summary>
    public static string? Options(LoginFlow flow, string trigger) => flow.FindNode("webauthn", trigger, "button")?.Value;

    /// <summary>
    /// Presses "Add security key" (<c>webauthn_register_trigger</c>): the authenticator answers the creation options as
    /// a page at <paramref name="origin"/> would, and the settings form is posted with <c>webauthn_register</c> and the
    /// key's name (§5.4). <paramref name="registration"/> replaces the authenticator's answer when given.
    /// </summary>
    public Task<KratosResponse> RegisterAsync(
        KratosClient client, LoginFlow flow, SoftwareAuthenticator authenticator, string origin, string? displayName, string? registration = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var answer = registration ?? authenticator.Create(Options(flow, "webauthn_register_trigger") ?? "{}", origin);
        evidence.Note($"register a security key named '{displayName}' from origin {origin}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["webauthn_register"] = answer };
        if (displayName is not null)
        {
            fields["webauthn_register_displayname"] = displayName;
        }

        return new SettingsClient(client, facts).SubmitAsync(flow, fields, ct);
    }

    /// <summary>Presses a key's remove button (<c>webauthn_remove=&lt;hex id&gt;</c>, §5.4).</summary>
    public Task<KratosResponse> RemoveAsync(KratosClient client, LoginFlow flow, string hexId, CancellationToken ct = default)
    {
        evidence.Note("remove the security key " + hexId);
        return new SettingsClient(client, facts).SubmitAsync(flow, new Dictionary<string, string>(StringComparer.Ordinal) { ["webauthn_remove"] = hexId }, ct);
    }

    /// <summary>
    /// Presses "Sign in with hardware key" on an aal2 form: the authenticator signs the options' challenge (or
    /// <paramref name="challenge"/>) as a page at <paramref name="origin"/> would, and the form's hidden identifier and
    /// <c>webauthn_login</c> are posted (§5.5). <paramref name="options"/> replaces the flow's trigger value when given.
    /// </summary>
    public Task<KratosResponse> LoginAsync(
        KratosClient client, LoginFlow flow, SoftwareAuthenticator authenticator, string origin, string situation,
        string? challenge = null, bool anyKey = false, string? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(authenticator);
        var answer = authenticator.Get(options ?? Options(flow, "webauthn_login_trigger") ?? "{}", origin, challenge, anyKey);
        var identifier = flow.FindNode("default", "identifier", "hidden")?.Value ?? string.Empty;
        evidence.Note(situation);
        return client.SubmitLoginAsync(flow, LoginSubmission.WebAuthn(identifier, answer), ct);
    }

    /// <summary>Posts <c>webauthn_login</c> as given (an answer Kratos must refuse, or one to an API flow).</summary>
    public Task<KratosResponse> LoginRawAsync(KratosClient client, LoginFlow flow, string identifier, string answer, string situation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        evidence.Note(situation);
        return client.SubmitLoginAsync(flow, LoginSubmission.WebAuthn(identifier, answer), ct);
    }
}
