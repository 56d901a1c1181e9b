using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KratosConformance.Client.Evidence;

/// <summary>
/// The raw text of one HTTP exchange as written to <c>NNNN-&lt;method&gt;-&lt;path&gt;.txt</c>: request line, headers,
/// body, then status line, headers, body, like a protocol log (MailKit's ProtocolLogger). Callers pass masked parts.
/// </summary>
public static partial class HttpTranscript
{
    public static string Format(
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> requestHeaders,
        string? requestBody,
        int status,
        string? reason,
        IEnumerable<KeyValuePair<string, string>> responseHeaders,
        string? responseBody,
        double durationMs)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(url.AbsoluteUri).Append(" HTTP/1.1\n");
        AppendHeaders(sb, requestHeaders);
        sb.Append('\n');
        if (!string.IsNullOrEmpty(requestBody))
        {
            sb.Append(requestBody).Append("\n\n");
        }

        sb.Append(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}").TrimEnd())
            .Append(CultureInfo.InvariantCulture, $"    ({durationMs:0} ms)\n");
        AppendHeaders(sb, responseHeaders);
        sb.Append('\n');
        if (!string.IsNullOrEmpty(responseBody))
        {
            sb.Append(responseBody).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>"post-login.txt" for POST /self-service/login, "get-login-flows.txt", "get-sessions-whoami.txt".</summary>
    public static string FileName(string method, Uri url)
    {
        var path = url.AbsolutePath.Trim('/');
        if (path.StartsWith("self-service/", StringComparison.Ordinal))
        {
            path = path["self-service/".Length..];
        }

        var slug = NonWord().Replace(path, "-").Trim('-').ToLowerInvariant();
        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-');
        }

        return $"{method.ToLowerInvariant()}-{(slug.Length == 0 ? "root" : slug)}.txt";
    }

    private static void AppendHeaders(StringBuilder sb, IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(": ").Append(value).Append('\n');
        }
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
