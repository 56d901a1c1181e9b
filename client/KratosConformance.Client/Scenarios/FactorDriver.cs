using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Client.Scenarios;

/// <summary>
/// The steps of the other second factors against one deployment, without checks, as <see cref="CodeLoginDriver"/> is
/// for the emailed code: open a settings flow, enrol TOTP with a code computed from the secret it shows, regenerate,
/// reveal, confirm or disable backup codes, submit a TOTP or backup code at aal2 (factors spec §3, §4, §11).
/// <paramref name="facts"/> are the deployment's (where its settings UI is). Each step writes one evidence note and
/// returns what Kratos answered; whether that answer is right is the caller's to decide.
/// </summary>
public sealed class FactorDriver(KratosFacts facts, EvidenceRecorder evidence)
{
    /// <summary>The form field of each lookup-secret action (factors spec §4.3).</summary>
    public const string Regenerate = "lookup_secret_regenerate";
    public const string Reveal = "lookup_secret_reveal";
    public const string Confirm = "lookup_secret_confirm";
    public const string Disable = "lookup_secret_disable";

    /// <summary>The settings flow of <paramref name="client"/>, in its style.</summary>
    public SettingsClient Settings(KratosClient client) => new(client, facts);

    /// <summary>Opens a settings flow (factors spec §7.2 for what a too-weak session gets instead).</summary>
    public Task<KratosResponse> OpenSettingsAsync(KratosClient client, string? returnTo = null, CancellationToken ct = default)
    {
        evidence.Note("open a settings flow");
        return Settings(client).CreateAsync(returnTo, ct);
    }

    /// <summary>Submits the TOTP enrolment form (<c>method=totp&amp;totp_code=…</c>, factors spec §3.3).</summary>
    public Task<KratosResponse> SubmitTotpEnrolmentAsync(KratosClient client, LoginFlow flow, string code, CancellationToken ct = default)
    {
        evidence.Note("submit the TOTP enrolment code");
        return Settings(client).SubmitAsync(flow, Fields(("method", "totp"), ("totp_code", code)), ct);
    }

    /// <summary>Presses "unlink" (<c>totp_unlink=true</c>; the strategy forces method totp, factors spec §3.4).</summary>
    public Task<KratosResponse> UnlinkTotpAsync(KratosClient client, LoginFlow flow, CancellationToken ct = default)
    {
        evidence.Note("unlink the TOTP authenticator");
        return Settings(client).SubmitAsync(flow, Fields(("method", "totp"), ("totp_unlink", "true")), ct);
    }

    /// <summary>Posts lookup-secret actions (each <c>true</c>; several at once to see which wins, factors spec §4.3).</summary>
    public Task<KratosResponse> LookupActionAsync(KratosClient client, LoginFlow flow, IReadOnlyList<string> actions, CancellationToken ct = default)
    {
        evidence.Note("post the backup-code action(s) " + string.Join(" + ", actions));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = "lookup_secret" };
        foreach (var action in actions)
        {
            fields[action] = "true";
        }

        return Settings(client).SubmitAsync(flow, fields, ct);
    }

    /// <summary>Submits a TOTP code to an aal2 login flow (factors spec §3.5).</summary>
    public Task<KratosResponse> SubmitTotpLoginAsync(KratosClient client, LoginFlow flow, string code, string situation, CancellationToken ct = default)
    {
        evidence.Note(situation);
        return client.SubmitLoginAsync(flow, LoginSubmission.Totp(code), ct);
    }

    /// <summary>Submits a backup code to an aal2 login flow (factors spec §4.4).</summary>
    public Task<KratosResponse> SubmitLookupLoginAsync(KratosClient client, LoginFlow flow, string code, string situation, CancellationToken ct = default)
    {
        evidence.Note(situation);
        return client.SubmitLoginAsync(flow, LoginSubmission.LookupSecret(code), ct);
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
