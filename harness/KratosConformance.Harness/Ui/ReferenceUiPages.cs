using System.Net;
using Microsoft.AspNetCore.Http;

namespace KratosConformance.Harness.Ui;

/// <summary>Request dispatch of the reference UI; each page is rendered by its own class.</summary>
internal sealed class ReferenceUiPages(KratosBackend kratos, Uri kratosForBrowser)
{
    // The creation parameters of spec §2.2 that the UI passes on untouched when it starts a flow for the browser.
    private static readonly string[] PassThrough = ["aal", "refresh", "return_to", "via", "login_challenge", "organization"];

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        var cookie = request.Headers.Cookie.ToString();
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // Forms post to Kratos (ui.action), never here.
            await WriteAsync(context, HttpStatusCode.MethodNotAllowed, Html.Page("Method not allowed", "<p>GET only.</p>\n")).ConfigureAwait(false);
            return;
        }

        switch (request.Path.Value)
        {
            case "/login" when request.Query["flow"].ToString() is { Length: > 0 } flowId:
                await LoginAsync(context, flowId, cookie, ct).ConfigureAwait(false);
                break;
            case "/login":
                context.Response.Redirect(BrowserFlowUrl(request.Query).AbsoluteUri);
                break;
            case "/settings" when request.Query["flow"].ToString() is { Length: > 0 } settingsFlowId:
                await SettingsAsync(context, settingsFlowId, cookie, ct).ConfigureAwait(false);
                break;
            case "/settings":
                // Kratos creates the flow (and checks the session's AAL, factors spec §7.2); ?return_to passes on.
                context.Response.Redirect(new Uri(kratosForBrowser, "self-service/settings/browser"
                    + (request.Query["return_to"].ToString() is { Length: > 0 } back ? "?return_to=" + Uri.EscapeDataString(back) : string.Empty)).AbsoluteUri);
                break;
            case "/error" when request.Query["id"].ToString() is { Length: > 0 } errorId:
                var error = await kratos.GetErrorAsync(errorId, cookie, ct).ConfigureAwait(false);
                await WriteAsync(context, error.Ok ? HttpStatusCode.OK : error.Status, ErrorPage.Render(error, error.RequestLine)).ConfigureAwait(false);
                break;
            case "/error":
                await WriteAsync(context, HttpStatusCode.BadRequest, ErrorPage.MissingId()).ConfigureAwait(false);
                break;
            case "/":
                var whoami = await kratos.WhoAmIAsync(cookie, ct).ConfigureAwait(false);
                await WriteAsync(context, HttpStatusCode.OK, HomePage.Render(whoami)).ConfigureAwait(false);
                break;
            default:
                await WriteAsync(context, HttpStatusCode.NotFound, Html.Page("Not found", "<p>Not found.</p>\n")).ConfigureAwait(false);
                break;
        }
    }

    private async Task LoginAsync(HttpContext context, string flowId, string cookie, CancellationToken ct)
    {
        var reply = await kratos.GetLoginFlowAsync(flowId, cookie, ct).ConfigureAwait(false);
        if (reply.Ok)
        {
            await WriteAsync(context, HttpStatusCode.OK, LoginPage.Render(reply.Body!)).ConfigureAwait(false);
            return;
        }

        // An expired flow names its replacement (spec §2.12): follow it as Ory's UIs do. Everything else is shown,
        // not retried: a conformance harness must not hide a CSRF or session failure behind a fresh flow.
        if (reply.Status == HttpStatusCode.Gone
            && Html.String(reply.Body?["error"]?["details"] as System.Text.Json.Nodes.JsonObject, "redirect_to") is { } restart)
        {
            context.Response.Redirect(restart);
            return;
        }

        await WriteAsync(context, reply.Status, ErrorPage.Render(reply, reply.RequestLine)).ConfigureAwait(false);
    }

    private async Task SettingsAsync(HttpContext context, string flowId, string cookie, CancellationToken ct)
    {
        var reply = await kratos.GetSettingsFlowAsync(flowId, cookie, ct).ConfigureAwait(false);
        if (reply.Ok)
        {
            await WriteAsync(context, HttpStatusCode.OK, SettingsPage.Render(reply.Body!)).ConfigureAwait(false);
            return;
        }

        // As on the login page: an expired flow's replacement is followed, everything else is shown, never retried.
        if (reply.Status == HttpStatusCode.Gone
            && Html.String(reply.Body?["error"]?["details"] as System.Text.Json.Nodes.JsonObject, "redirect_to") is { } restart)
        {
            context.Response.Redirect(restart);
            return;
        }

        await WriteAsync(context, reply.Status, ErrorPage.Render(reply, reply.RequestLine)).ConfigureAwait(false);
    }

    private Uri BrowserFlowUrl(IQueryCollection query)
    {
        var pairs = PassThrough
            .Where(name => query.ContainsKey(name))
            .SelectMany(name => query[name].Select(v => $"{name}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .ToList();
        var suffix = pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
        return new Uri(kratosForBrowser, "self-service/login/browser" + suffix);
    }

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, string html)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/html; charset=utf-8";
        // Pages carry csrf tokens and session JSON: keep them out of caches and the back-forward cache.
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }
}
