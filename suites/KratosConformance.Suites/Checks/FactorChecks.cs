using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Suites.Checks;

/// <summary>
/// What TOTP and backup codes show and store (factors spec §3.2–§3.6, §4.2–§4.5): the QR image node, the secret's text
/// node, the list of backup codes, and the credential the admin API returns. Input nodes go through
/// <see cref="NodeChecks"/>; these are the image and text nodes it does not cover.
/// </summary>
public static partial class FactorChecks
{
    public static readonly CheckDefinition Image = new("node.image", "the TOTP QR node is an img node with a PNG data URI of 256×256 and label 1050005", "uiNodeImageAttributes.id", "uiNodeImageAttributes.node_type", "uiNodeImageAttributes.src", "uiNodeImageAttributes.width", "uiNodeImageAttributes.height");
    public static readonly CheckDefinition Secret = new("totp.secret", "the secret text node shows 1050006 whose text and context.secret are the 32-character base32 secret, labelled 1050017", "uiNodeTextAttributes.id", "uiNodeTextAttributes.node_type", "uiNodeTextAttributes.text", "uiText.context");
    public static readonly CheckDefinition Codes = new("lookup.codes", "the backup-code text node lists 12 codes of 8 characters [a-z0-9] as 1050009 entries inside 1050015, labelled 1050010", "uiNodeTextAttributes.text", "uiText.context");
    public static readonly CheckDefinition Credential = new("identity.credential", "the admin API shows the factor's credential (type, identifiers [identity id], config) after enrolment and none after removal", "identity.credentials");

    /// <summary>The totp_qr node (factors spec §3.2, §3.3 row 2).</summary>
    public static void QrImage(Observation o)
    {
        var node = FlowChecks.Flow(o).Ui.Nodes.FirstOrDefault(n => n.Is("totp", "totp_qr"));
        var a = JsonRead.Obj(node?.Raw, "attributes");
        var src = JsonRead.Str(a, "src") ?? string.Empty;
        var seen = node is null ? "(no totp/totp_qr node)" : $"type={node.Type} node_type={JsonRead.Str(a, "node_type")} width={a?["width"]} height={a?["height"]} src={(src.Length > 30 ? src[..30] + "…" : src)} label={node.Label?.Id}";
        var ok = node is { Type: "img", Label.Id: 1050005 } && JsonRead.Str(a, "node_type") == "img"
            && src.StartsWith("data:image/png;base64,", StringComparison.Ordinal) && JsonRead.Long(a, "width") == 256 && JsonRead.Long(a, "height") == 256;
        Check.Verify(o, Image, ok, new FailureText
        {
            Headline = "QR image node differs",
            Subject = "node totp/totp_qr",
            Expectation = "be an img node, src data:image/png;base64,…, 256×256, label 1050005",
            Why = "factors spec §3.2 (QR image), §3.3 row 2",
            Actual = "it was " + seen,
            Expected = "img data:image/png;base64 256×256 label 1050005",
            Observed = seen,
        });
    }

    /// <summary>The totp_secret_key text node (factors spec §3.2, §3.3 row 3); returns the secret.</summary>
    public static string SecretShown(Observation o)
    {
        var flow = FlowChecks.Flow(o);
        var node = flow.Ui.Nodes.FirstOrDefault(n => n.Is("totp", "totp_secret_key"));
        var text = FactorNodes.TextOf(flow, "totp", "totp_secret_key");
        var secret = FactorNodes.TotpSecret(flow) ?? string.Empty;
        var seen = node is null ? "(no totp/totp_secret_key node)" : $"type={node.Type} text.id={JsonRead.Long(text, "id")} text={JsonRead.Str(text, "text")} label={node.Label?.Id}";
        var ok = node is { Type: "text", Label.Id: 1050017 } && JsonRead.Long(text, "id") == 1050006
            && Base32Secret().IsMatch(secret) && JsonRead.Str(text, "text") == secret;
        var failure = new FailureText
        {
            Headline = "TOTP secret node differs",
            Subject = "node totp/totp_secret_key",
            Expectation = "be a text node 1050006 whose text and context.secret are the secret [A-Z2-7]{32}, label 1050017",
            Why = "factors spec §3.2 (20 random bytes, base32), §3.3 row 3",
            Actual = "it was " + seen,
            Expected = "text 1050006 <[A-Z2-7]{32}> label 1050017",
            Observed = seen,
        };
        Check.Must(o, Secret, ok, failure);
        MessageChecks.AsCatalogued(o, [node!.Label!], "the label of node totp/totp_secret_key");
        return secret;
    }

    /// <summary>The lookup_secret_codes node lists 12 fresh codes (factors spec §4.2, §4.3); returns them.</summary>
    public static IReadOnlyList<string> CodesShown(Observation o)
    {
        var flow = FlowChecks.Flow(o);
        var node = flow.Ui.Nodes.FirstOrDefault(n => n.Is("lookup_secret", "lookup_secret_codes"));
        var list = FactorNodes.TextOf(flow, "lookup_secret", "lookup_secret_codes");
        var entries = FactorNodes.LookupEntries(flow);
        var codes = FactorNodes.LookupCodes(flow);
        var seen = node is null ? "(no lookup_secret/lookup_secret_codes node)" : $"text.id={JsonRead.Long(list, "id")} label={node.Label?.Id} entries={Check.List(entries.Select(e => e.Id))} codes={Check.List(codes)}";
        var ok = node is { Type: "text", Label.Id: 1050010 } && JsonRead.Long(list, "id") == 1050015
            && codes.Count == 12 && entries.All(e => e.Id == 1050009) && codes.All(c => LookupCode().IsMatch(c))
            && JsonRead.Str(list, "text") == string.Join(", ", codes);
        var failure = new FailureText
        {
            Headline = "backup-code list differs",
            Subject = "node lookup_secret/lookup_secret_codes",
            Expectation = "list 12 codes [a-z0-9]{8} as 1050009 inside 1050015 (text joined by \", \"), label 1050010",
            Why = "factors spec §4.2 (numCodes 12, randx.AlphaLowerNum 8), §4.3",
            Actual = "it was " + seen,
            Expected = "12 × 1050009, 1050015, label 1050010",
            Observed = seen,
        };
        Check.Must(o, Codes, ok, failure);
        return codes;
    }

    /// <summary>
    /// The admin API's identity (<c>?include_credential=&lt;type&gt;</c>) has the credential <paramref name="type"/>
    /// with identifiers [identity id] and, for TOTP, the key URL of <paramref name="totpSecret"/>; or, with
    /// <paramref name="present"/> false, none of that type.
    /// </summary>
    public static void CredentialIs(Observation o, string identityId, string type, bool present, string? totpSecret, string why)
    {
        var credential = JsonRead.Obj(JsonRead.Obj(o.Response.Body, "credentials"), type);
        var identifiers = JsonRead.Arr(credential, "identifiers")?.Select(i => i?.ToString()).ToList() ?? [];
        var url = JsonRead.Str(JsonRead.Obj(credential, "config"), "totp_url");
        var seen = credential is null ? "(no " + type + " credential)" : $"type={JsonRead.Str(credential, "type")} identifiers={Check.List(identifiers)}" + (url is null ? string.Empty : " totp_url=" + url);
        var ok = present
            ? credential is not null && JsonRead.Str(credential, "type") == type && identifiers.SequenceEqual([identityId])
                && (totpSecret is null || (url is not null && url.StartsWith("otpauth://totp/", StringComparison.Ordinal) && url.Contains("secret=" + totpSecret, StringComparison.Ordinal)
                    && url.Contains("period=30", StringComparison.Ordinal) && url.Contains("digits=6", StringComparison.Ordinal) && url.Contains("algorithm=SHA1", StringComparison.Ordinal)))
            : credential is null;
        var expected = present ? $"type={type} identifiers=[{identityId}]" + (totpSecret is null ? string.Empty : " totp_url=otpauth://totp/…algorithm=SHA1&digits=6…period=30&secret=" + totpSecret) : "(no " + type + " credential)";
        Check.Verify(o, Credential, o.Response.Status == 200 && ok, new FailureText
        {
            Headline = present ? type + " credential missing or different" : type + " credential still there",
            Subject = "the identity's credentials." + type,
            Expectation = present ? "be " + expected : "be absent",
            Why = why,
            Actual = "it was " + seen,
            Expected = expected,
            Observed = seen,
        });
    }

    [GeneratedRegex("^[A-Z2-7]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Base32Secret();

    [GeneratedRegex("^[a-z0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex LookupCode();
}
