using Kratos.Double.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// x/redir/secure_redirect.go SecureRedirectTo (v1.3.1: x/http_secure_redirect.go, the same rules): the allow-list is
/// selfservice.allowed_return_urls plus the public URL's /self-service path (SecureRedirectAllowSelfServiceURLs; the
/// default browser return URL is not on it); a return_to without scheme or host takes them from the default return
/// URL; an entry matches when the scheme is equal ignoring case, the host as written, port included, is equal ignoring
/// case (an entry host starting with "*" matches by suffix), and the path starts with the entry's path ("/" for none).
/// docs/kratos-facts.md "return_to allow-list".
/// </summary>
internal static class ReturnTo
{
    public static string? Validate(Runtime rt, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var given = UrlParts.Of(value);
        var fallback = UrlParts.Of(rt.Config.DefaultBrowserReturnUrl);
        var target = given with
        {
            Scheme = given.Scheme.Length > 0 ? given.Scheme : fallback.Scheme,
            Host = given.Host.Length > 0 ? given.Host : fallback.Host,
        };
        foreach (var entry in AllowList(rt))
        {
            if (string.Equals(entry.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
                && HostMatches(entry.Host, target.Host)
                && target.PathOrRoot.StartsWith(entry.PathOrRoot, StringComparison.Ordinal))
            {
                return value;
            }
        }

        // WithReasonf("Requested return_to URL %q is not allowed.", returnTo): the URL after the defaults were filled in.
        throw KratosError.BadRequest($"Requested return_to URL \"{target}\" is not allowed.", "self_service_flow_return_to_forbidden");
    }

    /// <summary>
    /// The configured URLs, then &lt;public&gt;/self-service. config.go skips empty entries; here an empty entry has no
    /// scheme, so it never matches a return_to, which always has one.
    /// </summary>
    private static IEnumerable<UrlParts> AllowList(Runtime rt)
    {
        var self = UrlParts.Of(rt.Config.PublicBaseUrl.ToString());
        return rt.Config.AllowedReturnUrls.Select(UrlParts.Of).Append(self with { Path = self.Path.TrimEnd('/') + "/self-service" });
    }

    private static bool HostMatches(string allowed, string host) =>
        allowed.StartsWith('*')
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A URL split as Go's url.Parse splits it, without normalising: the scheme (lower case, as Go keeps it), the host
    /// exactly as written (its port only when the URL names one), the path, and the rest (query and fragment).
    /// </summary>
    private sealed record UrlParts(string Scheme, string Host, string Path, string Rest)
    {
        public string PathOrRoot => Path.Length > 0 ? Path : "/";

        public static UrlParts Of(string url)
        {
            var scheme = string.Empty;
            var rest = url;
            var colon = url.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Uri.CheckSchemeName(url[..colon]))
            {
                scheme = url[..colon].ToLowerInvariant();
                rest = url[(colon + 1)..];
            }

            var host = string.Empty;
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var end = rest.IndexOfAny(['/', '?', '#'], 2);
                var authority = end < 0 ? rest[2..] : rest[2..end];
                host = authority[(authority.LastIndexOf('@') + 1)..];
                rest = end < 0 ? string.Empty : rest[end..];
            }

            var tail = rest.IndexOfAny(['?', '#']);
            return tail < 0 ? new UrlParts(scheme, host, rest, string.Empty) : new UrlParts(scheme, host, rest[..tail], rest[tail..]);
        }

        public override string ToString() => (Scheme.Length > 0 ? Scheme + ":" : string.Empty) + (Host.Length > 0 ? "//" + Host : string.Empty) + Path + Rest;
    }
}
