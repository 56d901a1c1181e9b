using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/flow/recovery/handler.go with the code strategy's legacy flow (code/strategy_recovery.go
/// PopulateRecoveryMethod): init needs no session (with one: JSON 400 session_already_available, browser 303 to the
/// default return URL); the form is csrf_token, email (1070007) and method=code (1070009), unsorted.
/// </summary>
internal static class RecoveryFlows
{
    public static async Task CreateAsync(HttpContext ctx, Runtime rt, bool api)
    {
        if (!rt.Config.RecoveryEnabled)
        {
            throw KratosError.BadRequest("Recovery is not allowed because it was disabled.");
        }

        var json = api || ctx.Request.IsJson();
        if (ctx.FindSession(rt) is not null)
        {
            if (json)
            {
                throw KratosError.BadRequest("A valid session was detected and thus recovery is not possible.", "session_already_available");
            }

            await Respond.RedirectAsync(ctx, rt.Config.DefaultBrowserReturnUrl).ConfigureAwait(false);
            return;
        }

        var returnTo = ReturnTo.Validate(rt, ctx.Request.Query["return_to"].ToString());
        var now = DateTimeOffset.UtcNow;
        string? csrf = null;
        if (!api)
        {
            csrf = ctx.CsrfToken(rt) ?? Secrets.Opaque();
            ctx.SetCsrfCookie(rt, csrf);
        }

        var flow = new RecoveryFlow
        {
            Type = api ? "api" : "browser", IssuedAt = now, UpdatedAt = now, ExpiresAt = now + rt.Config.RecoveryLifespan,
            RequestUrl = ctx.Request.FullUrl(rt), ReturnTo = returnTo, CsrfToken = csrf, Active = "code",
            Nodes = new JsonArray(
                Nodes.Csrf(csrf ?? string.Empty),
                Nodes.Input("code", "email", "email", required: true, label: RecoveryMessages.LabelEmail()),
                Nodes.Input("code", "method", "submit", "code", label: Messages.LabelContinue())),
        };
        lock (rt.Store.Gate)
        {
            rt.Store.SaveRecoveryFlow(flow);
        }

        if (!json)
        {
            await Respond.RedirectAsync(ctx, UiUrl(rt, flow)).ConfigureAwait(false);
            return;
        }

        await Respond.JsonAsync(ctx, 200, flow.ToJson(rt.Config.PublicBaseUrl)).ConfigureAwait(false);
    }

    /// <summary>getRecoveryFlow: browser flows need the CSRF cookie of the flow.</summary>
    public static Task FetchAsync(HttpContext ctx, Runtime rt)
    {
        var flow = Find(rt, ctx.Request.Query["id"].ToString());
        if (flow.IsBrowser && (!ctx.Request.Cookies.TryGetValue(rt.CsrfCookieName, out var cookie) || cookie != flow.CsrfToken))
        {
            throw CsrfRejection.Create(ctx.Request, rt, null);
        }

        return Respond.JsonAsync(ctx, 200, flow.ToJson(rt.Config.PublicBaseUrl));
    }

    public static string UiUrl(Runtime rt, RecoveryFlow flow) => Respond.WithQuery(rt.Config.RecoveryUiUrl, "flow", flow.Id.ToString());

    public static RecoveryFlow Find(Runtime rt, string id)
    {
        if (string.IsNullOrEmpty(id) || !Guid.TryParse(id, out var guid))
        {
            throw KratosError.BadRequest("The flow query parameter is missing or malformed.");
        }

        lock (rt.Store.Gate)
        {
            return rt.Store.FindRecoveryFlow(guid) ?? throw KratosError.NoRows();
        }
    }
}
