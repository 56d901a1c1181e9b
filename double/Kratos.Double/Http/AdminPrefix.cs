using Kratos.Double.Config;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Http;

/// <summary>
/// Admin paths without the /admin prefix, as each version treats them (cmd/daemon/serve.go serveAdmin):
/// v1.3.1 and v25.4.0 answer 307 to the prefixed path (x/http_redirect_admin.go RedirectAdminMiddleware, Go's
/// http.Redirect: Location without scheme and host, query kept, an HTML body for GET and HEAD); v26.2.0 rewrites the
/// path and serves it (oryx/httprouterx AddAdminPrefixIfNotPresentNegroni). Both test a plain string prefix, so
/// "/administrator" counts as prefixed, and both join with path.Join, which drops a trailing slash.
/// </summary>
internal static class AdminPrefix
{
    public const string Prefix = "/admin";

    /// <summary>The path to route, or null when the answer (a redirect) has been written.</summary>
    public static async Task<string?> ApplyAsync(HttpContext ctx, DoubleConfig config)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var joined = Join(path);
        if (config.IsAtLeast(EmulatedVersion.V26_2_0))
        {
            return joined;
        }

        var location = joined + ctx.Request.QueryString.Value;
        ctx.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        ctx.Response.Headers.Location = location;
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
        {
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync("<a href=\"" + System.Net.WebUtility.HtmlEncode(location) + "\">Temporary Redirect</a>.\n\n", ctx.RequestAborted).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Go's path.Join("/admin", p): cleaned, no trailing slash, no empty or dot segments.</summary>
    private static string Join(string path)
    {
        var stack = new List<string>();
        foreach (var part in (Prefix + "/" + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else if (part != ".")
            {
                stack.Add(part);
            }
        }

        return "/" + string.Join('/', stack);
    }
}
