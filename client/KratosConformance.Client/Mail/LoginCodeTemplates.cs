using System.Text.RegularExpressions;
using KratosConformance.Client.Versions;

namespace KratosConformance.Client.Mail;

/// <summary>The login-code email per Kratos version (spec §5.5; the text changed in v25.4.0, see §7).</summary>
public static class LoginCodeTemplates
{
    /// <summary>v25.4.0 – HEAD: subject "Use code NNNNNN to log in", body ends "It expires in N minutes."</summary>
    public static LoginCodeTemplate Current { get; } = new(
        "login_code_valid v25.4.0+",
        new Regex(@"^Use code (?<code>\d{6}) to log in$", RegexOptions.CultureInvariant),
        new Regex(@"^Login to your account with the following code:\s+(?<code>\d{6})\s+It expires in \d+ minutes?\.$", RegexOptions.CultureInvariant),
        "subject \"Use code NNNNNN to log in\", body \"Login to your account with the following code:\" / NNNNNN / \"It expires in N minutes.\"");

    /// <summary>v1.1.0 – v1.3.1: subject "Login to your account", body "Hi," / "please login to your account by entering the following code:" / code.</summary>
    public static LoginCodeTemplate Legacy { get; } = new(
        "login_code_valid v1.1.0–v1.3.1",
        new Regex(@"^Login to your account$", RegexOptions.CultureInvariant),
        new Regex(@"^Hi,\s+please login to your account by entering the following code:\s+(?<code>\d{6})$", RegexOptions.CultureInvariant),
        "subject \"Login to your account\", body \"Hi,\" / \"please login to your account by entering the following code:\" / NNNNNN");

    public static IReadOnlyList<LoginCodeTemplate> All { get; } = [Current, Legacy];

    /// <summary>The template of <paramref name="version"/>; code login (and code MFA) only exists from v1.1.0.</summary>
    public static LoginCodeTemplate For(KratosVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version >= KratosVersion.V25_4_0)
        {
            return Current;
        }

        return version >= new KratosVersion(1, 1, 0)
            ? Legacy
            : throw new ArgumentOutOfRangeException(nameof(version), version, $"Kratos {version} has no login-code email: code login arrived in v1.1.0.");
    }
}
