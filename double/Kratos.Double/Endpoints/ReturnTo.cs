using Kratos.Double.Http;

namespace Kratos.Double.Endpoints;

/// <summary>x/redir/secure_redirect.go: return_to must match selfservice.allowed_return_urls or the public base URL.</summary>
internal static class ReturnTo
{
    public static string? Validate(Runtime rt, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var target))
        {
            throw Forbidden(value);
        }

        var allowed = rt.Config.AllowedReturnUrls.Append(rt.Config.PublicBaseUrl.ToString()).Append(rt.Config.DefaultBrowserReturnUrl);
        foreach (var entry in allowed)
        {
            if (Uri.TryCreate(entry, UriKind.Absolute, out var ok)
                && string.Equals(ok.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
                && HostMatches(ok.Host, target.Host)
                && ok.Port == target.Port
                && target.AbsolutePath.StartsWith(ok.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Forbidden(value);
    }

    private static bool HostMatches(string allowed, string host) =>
        string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase)
        || (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase));

    private static KratosError Forbidden(string value) =>
        KratosError.BadRequest($"Requested return_to URL \"{value}\" is not allowed.", "self_service_flow_return_to_forbidden");
}
