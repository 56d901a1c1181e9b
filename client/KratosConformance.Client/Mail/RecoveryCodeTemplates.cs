using System.Text.RegularExpressions;
using KratosConformance.Client.Versions;

namespace KratosConformance.Client.Mail;

/// <summary>
/// The <c>recovery_code_valid</c> email per Kratos version (factors spec §8; Kratos's
/// courier/template/courier/builtin/templates/recovery_code/valid/email.{subject,body.plaintext}.gotmpl, recorded in
/// docs/kratos-facts.md). Same matching rules as the login-code mail (<see cref="LoginCodeTemplate"/>): subject AND
/// text body must be the template's, and where the subject repeats the code both must agree, so a login-code or
/// verification mail is never mined for a recovery code.
/// </summary>
public static class RecoveryCodeTemplates
{
    /// <summary>v25.4.0 – v26.2.0: subject "Use code NNNNNN to recover access to your account", body with the expiry line.</summary>
    public static LoginCodeTemplate Current { get; } = new(
        "recovery_code_valid v25.4.0+",
        new Regex(@"^Use code (?<code>\d{6}) to recover access to your account$", RegexOptions.CultureInvariant),
        new Regex(@"^Recover access to your account by entering the following code:\s+(?<code>\d{6})\s+If this was not you, do nothing\. This code expires in \d+ minutes?\.$", RegexOptions.CultureInvariant),
        "subject \"Use code NNNNNN to recover access to your account\", body \"Recover access to your account by entering the following code:\" / NNNNNN / \"If this was not you, do nothing. This code expires in N minutes.\"");

    /// <summary>v1.3.1: subject "Recover access to your account", body "Hi," / "please recover access to your account by entering the following code:" / code.</summary>
    public static LoginCodeTemplate Legacy { get; } = new(
        "recovery_code_valid v1.3.1",
        new Regex(@"^Recover access to your account$", RegexOptions.CultureInvariant),
        new Regex(@"^Hi,\s+please recover access to your account by entering the following code:\s+(?<code>\d{6})$", RegexOptions.CultureInvariant),
        "subject \"Recover access to your account\", body \"Hi,\" / \"please recover access to your account by entering the following code:\" / NNNNNN");

    public static IReadOnlyList<LoginCodeTemplate> All { get; } = [Current, Legacy];

    /// <summary>The template of <paramref name="version"/>: the v25.4.0 text from v25.4.0 on, the v1.3.1 text before.</summary>
    public static LoginCodeTemplate For(KratosVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version >= KratosVersion.V25_4_0 ? Current : Legacy;
    }
}
