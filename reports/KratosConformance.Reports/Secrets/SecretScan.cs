using System.Text.RegularExpressions;

namespace KratosConformance.Reports.Secrets;

/// <summary>
/// Scans a run folder for unmasked secrets: Ory session tokens and CSRF tokens. Evidence is masked when recorded and
/// the writers never unmask, so a finding means some writer leaked a value; tests run this over generated reports.
/// </summary>
public static partial class SecretScan
{
    /// <summary>Files that are binary or compressed are skipped: the patterns cannot be matched in them reliably.</summary>
    private static readonly HashSet<string> BinaryExtensions =
        new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".zip", ".webm", ".gz" };

    public static IReadOnlyList<SecretFinding> ScanDirectory(string directory)
    {
        var findings = new List<SecretFinding>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (BinaryExtensions.Contains(Path.GetExtension(file)))
            {
                continue;
            }

            findings.AddRange(ScanText(File.ReadAllText(file), Path.GetRelativePath(directory, file).Replace('\\', '/')));
        }

        return findings;
    }

    public static IReadOnlyList<SecretFinding> ScanText(string text, string fileName)
    {
        var findings = new List<SecretFinding>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            foreach (var (name, pattern) in Patterns)
            {
                foreach (Match match in pattern.Matches(line))
                {
                    findings.Add(new SecretFinding(fileName, lineNumber, name, Redact(match.Value)));
                }
            }
        }

        return findings;
    }

    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("ory session token", SessionToken()),
        ("csrf token", CsrfToken()),
        ("csrf token (json)", CsrfTokenJson()),
        ("session cookie", SessionCookie()),
    ];

    // Kratos session tokens are ory_st_ + 32 alphanumerics; the mask (e.g. ory_st_***) has none.
    [GeneratedRegex("ory_st_[A-Za-z0-9]{10,}")]
    private static partial Regex SessionToken();

    // Kratos CSRF tokens are long base64 values; a masked one is short (*** or <masked>). Matches form posts,
    // query strings and the csrf_token cookie header alike.
    [GeneratedRegex("csrf_token(?:_[0-9a-f]+)?=[A-Za-z0-9+/_%-]{20,}")]
    private static partial Regex CsrfToken();

    // The same token in a JSON body: {"csrf_token":"…"}.
    [GeneratedRegex("\"csrf_token\"\\s*:\\s*\"[A-Za-z0-9+/=_%-]{20,}\"")]
    private static partial Regex CsrfTokenJson();

    // Kratos's session cookie in a Cookie or Set-Cookie header; masked values are short.
    [GeneratedRegex("ory_kratos_session=[A-Za-z0-9+/=_%.-]{20,}")]
    private static partial Regex SessionCookie();

    /// <summary>Enough of the match to find it, not enough to use it: the scan's own output must not leak.</summary>
    private static string Redact(string value) => value.Length <= 16 ? value : value[..16] + "…";
}
