using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>POST /self-service/login?flow= (handler.go updateLoginFlow): CSRF, expiry, AAL checks, then a strategy.</summary>
internal static class LoginSubmit
{
    private static readonly HashSet<string> AllowedFields = new(StringComparer.Ordinal)
    {
        "method", "code", "identifier", "address", "resend", "csrf_token", "transient_payload", "password",
        "password_identifier", "totp_code", "lookup_secret", "upstream_parameters", "provider", "traits", "webauthn_login",
    };

    public static async Task HandleAsync(HttpContext ctx, Runtime rt)
    {
        LoginFlow flow;
        try
        {
            flow = LoginFetch.FindSubmitted(rt, ctx.Request.Query["flow"].ToString());
        }
        catch (KratosError) when (!ctx.Request.IsJson())
        {
            // Without a flow, WriteFlowError(nil) → forward: x.IsJSONRequest alone decides, so a form post goes to the
            // error UI with the stored error (selfservice/flow/login/error.go forward; docs/kratos-facts.md "Unknown flows").
            // Stryker disable once all : equivalent: ErrorResponder asks only whether the item is present (ContainsKey), not its value (docs/mutation-survivors.md)
            ctx.Items[ErrorResponder.BrowserItem] = true;
            throw;
        }

        var client = flow.Type == "api" ? Client.Api : ctx.Request.IsJson() ? Client.Spa : Client.Browser;
        if (client == Client.Browser)
        {
            // Stryker disable once all : equivalent: ErrorResponder asks only whether the item is present (ContainsKey), not its value (docs/mutation-survivors.md)
            ctx.Items[ErrorResponder.BrowserItem] = true;
        }

        var body = await SubmissionBody.ReadAsync(ctx.Request, AllowedFields).ConfigureAwait(false);

        // updateLoginFlow checks the flow's expiry (f.Valid) before any strategy checks the CSRF token or an API
        // flow's browser artefacts (flow.EnsureCSRF; selfservice/flow/login/handler.go): an expired flow is replaced
        // whatever token came with it.
        var session = ctx.FindSession(rt);
        if (flow.ExpiresAt < DateTimeOffset.UtcNow)
        {
            await ExpiredAsync(ctx, rt, flow, client, session).ConfigureAwait(false);
            return;
        }

        if (client == Client.Api && ApiHeaderProblem(ctx.Request) is { } problem)
        {
            // selfservice/flow/request.go EnsureCSRF: API flows refuse browser artefacts.
            await FailAsync(ctx, rt, flow, client, Messages.Generic(problem)).ConfigureAwait(false);
            return;
        }

        if (flow.IsBrowser && !rt.Has(DeviationNames.CsrfNotEnforced))
        {
            var cookie = ctx.Request.Cookies.TryGetValue(rt.CsrfCookieName, out var c) ? c : null;
            if (cookie is null || cookie != body["csrf_token"] || cookie != flow.CsrfToken)
            {
                throw CsrfRejection.Create(ctx.Request, rt, body["csrf_token"]);
            }
        }

        if (flow.RequestedAal == "aal2" && session is null && !rt.Has(DeviationNames.NoSessionAal2Allowed))
        {
            throw KratosError.SessionAal1Required();
        }

        if (!flow.Refresh && session is not null && (flow.RequestedAal == "aal1" || session.Aal == "aal2") && !rt.Has(DeviationNames.ReplayAccepted))
        {
            if (client == Client.Browser)
            {
                await Respond.RedirectAsync(ctx, rt.Config.DefaultBrowserReturnUrl).ConfigureAwait(false);
                return;
            }

            await FailAsync(ctx, rt, flow, client, Messages.Generic(Messages.ValidSessionReason)).ConfigureAwait(false);
            return;
        }

        var method = body["method"];
        if (method is null && body["address"] is not null && rt.Config.MfaEnabled)
        {
            method = "code";
        }

        if (method is null && !string.IsNullOrEmpty(body["webauthn_login"]))
        {
            // The webauthn strategy takes a submission with webauthn_login set even without method (§2.2).
            method = "webauthn";
        }

        switch (method)
        {
            case "password":
                await PasswordStrategy.HandleAsync(ctx, rt, flow, client, body, session).ConfigureAwait(false);
                break;
            case "code":
                await CodeStrategy.HandleAsync(ctx, rt, flow, client, body, session).ConfigureAwait(false);
                break;
            case "totp":
                await TotpLogin.HandleAsync(ctx, rt, flow, client, body, session).ConfigureAwait(false);
                break;
            case "lookup_secret":
                await LookupLogin.HandleAsync(ctx, rt, flow, client, body, session).ConfigureAwait(false);
                break;
            case "webauthn":
                await WebAuthnLogin.HandleAsync(ctx, rt, flow, client, body, session).ConfigureAwait(false);
                break;
            default:
                await FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Errors replace all flow messages; browser → 303 to the login UI, JSON/API → 400 + flow.</summary>
    public static Task FailAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, JsonObject? message, int jsonStatus = 400)
    {
        lock (rt.Store.Gate)
        {
            flow.Messages = message is null ? [] : new JsonArray(message);
            flow.UpdatedAt = DateTimeOffset.UtcNow;
            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            rt.Store.SaveFlow(flow);
        }

        return FlowResponseAsync(ctx, rt, flow, client, jsonStatus);
    }

    public static Task FlowResponseAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, int jsonStatus) =>
        client == Client.Browser
            ? Respond.RedirectAsync(ctx, Respond.WithQuery(rt.Config.LoginUiUrl, "flow", flow.Id.ToString()))
            : Respond.JsonAsync(ctx, jsonStatus, LoginCreate.Snapshot(rt, flow));

    public static string? ApiHeaderProblem(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
        {
            return "The HTTP Request Header included the \"Origin\" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.";
        }

        var foreign = request.Cookies.Keys.Any(k => !k.StartsWith("__cf", StringComparison.Ordinal) && !k.StartsWith("_cf", StringComparison.Ordinal) && !k.StartsWith("cf_", StringComparison.Ordinal));
        return foreign
            ? "The HTTP Request Header included the \"Cookie\" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation."
            : null;
    }

    /// <summary>
    /// §2.12: the replacement flow is an aal1 flow (NewLoginFlow on the POST URL) that keeps the old request_url
    /// (FromOldFlow). With a session that fails with "valid session" and the old flow gets 4000001 [C]; without one the
    /// client gets a new flow (4010001 / 410).
    /// </summary>
    public static async Task ExpiredAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, Session? session)
    {
        if (session is not null)
        {
            await FailAsync(ctx, rt, flow, client, Messages.Generic(Messages.ValidSessionReason)).ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var replacement = new LoginFlow
        {
            Type = flow.Type, IssuedAt = now, UpdatedAt = now, ExpiresAt = now + rt.Config.LoginLifespan,
            RequestUrl = flow.RequestUrl, RequestedAal = "aal1", CsrfToken = flow.CsrfToken, ReturnTo = flow.ReturnTo,
        };
        replacement.Nodes = Ui.Nodes.Sort(LoginForms.PasswordFirstFactor(rt, null, replacement.CsrfToken ?? string.Empty));
        replacement.Messages = new JsonArray(Messages.FlowExpired(flow.ExpiresAt));
        lock (rt.Store.Gate)
        {
            rt.Store.SaveFlow(replacement);
        }

        if (client == Client.Browser)
        {
            await Respond.RedirectAsync(ctx, Respond.WithQuery(rt.Config.LoginUiUrl, "flow", replacement.Id.ToString())).ConfigureAwait(false);
            return;
        }

        throw FlowExpiredError.Create(flow.ExpiresAt, replacement.Id);
    }
}
