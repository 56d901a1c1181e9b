using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>GET /self-service/login/browser and /api (selfservice/flow/login/handler.go NewLoginFlow, §2.3).</summary>
internal static class LoginCreate
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, bool api)
    {
        var query = ctx.Request.Query;
        var aal = query["aal"].ToString().ToLowerInvariant();
        if (aal.Length == 0)
        {
            aal = "aal1";
        }

        if (aal is not ("aal1" or "aal2"))
        {
            throw KratosError.BadRequest($"Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got {aal}");
        }

        _ = bool.TryParse(query["refresh"].ToString(), out var refresh);
        var returnTo = ReturnTo.Validate(rt, query["return_to"].ToString());
        var session = ctx.FindSession(rt);
        if (aal == "aal2" && session is null && !rt.Has(DeviationNames.NoSessionAal2Allowed))
        {
            throw KratosError.SessionAal1Required();
        }

        refresh &= session is not null;
        if (session is not null && !refresh && (aal == "aal1" || session.Aal == "aal2"))
        {
            if (!api && !ctx.Request.IsJson())
            {
                await Respond.RedirectAsync(ctx, returnTo ?? rt.Config.DefaultBrowserReturnUrl).ConfigureAwait(false);
                return;
            }

            throw KratosError.SessionAlreadyAvailable();
        }

        var flow = Build(ctx, rt, api, aal, refresh, returnTo, session);
        if (flow.IsBrowser)
        {
            ctx.SetCsrfCookie(rt, flow.CsrfToken!);
        }

        var fastPath = TryFastLogin(rt, flow, session);
        if (!ctx.Request.IsJson() && (!api || fastPath))
        {
            // x.IsJSONRequest decides, not the flow type: a native client without Accept: application/json gets 303.
            await Respond.RedirectAsync(ctx, Respond.WithQuery(rt.Config.LoginUiUrl, "flow", flow.Id.ToString())).ConfigureAwait(false);
            return;
        }

        await Respond.JsonAsync(ctx, 200, Snapshot(rt, flow)).ConfigureAwait(false);
    }

    public static JsonObject Snapshot(Runtime rt, LoginFlow flow)
    {
        lock (rt.Store.Gate)
        {
            return flow.ToJson(rt.Config.PublicBaseUrl);
        }
    }

    private static LoginFlow Build(HttpContext ctx, Runtime rt, bool api, string aal, bool refresh, string? returnTo, Session? session)
    {
        var now = DateTimeOffset.UtcNow;
        string? csrf = null;
        if (!api)
        {
            csrf = ctx.CsrfToken(rt) ?? Secrets.Opaque();
        }

        var flow = new LoginFlow
        {
            Type = api ? "api" : "browser",
            IssuedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + rt.Config.LoginLifespan,
            RequestUrl = ctx.Request.FullUrl(rt),
            ReturnTo = returnTo,
            Refresh = refresh,
            RequestedAal = aal,
            CsrfToken = csrf,
        };
        Identity? identity = null;
        lock (rt.Store.Gate)
        {
            if (session is not null)
            {
                identity = rt.Store.FindIdentity(session.IdentityId);
            }
        }

        var messages = new JsonArray();
        if (refresh && !rt.Has(DeviationNames.RefreshMissing1010003))
        {
            messages.Add((JsonNode)Messages.ReAuth());
        }

        if (aal == "aal2" && session?.Aal != "aal2" && session is not null && !rt.Has(DeviationNames.Aal2Missing1010004))
        {
            messages.Add((JsonNode)Messages.Mfa());
        }

        var nodes = new List<JsonObject>();
        if (aal == "aal1" && rt.Config.PasswordEnabled)
        {
            nodes.AddRange(LoginForms.PasswordFirstFactor(rt, refresh ? identity : null, csrf ?? string.Empty));
        }
        else if (aal == "aal2" && identity is not null)
        {
            if (rt.Config.MfaEnabled && rt.Config.CodeEnabled
                && !(rt.Has(DeviationNames.MixedOtherFactorsHideCode) && Aal.HasOtherEnabledFactor(identity, rt.Config)))
            {
                nodes.AddRange(Aal.CodeAddresses(identity, rt).Select(a => LoginForms.AddressButton(rt, a)));
            }

            nodes.AddRange(SecondFactorForms.Login(rt, identity, csrf ?? string.Empty));
            nodes.AddRange(WebAuthnForms.Login(rt, flow, identity));
        }

        // handler.go NewLoginFlow: a browser flow always carries its csrf token, whatever the hydrators set.
        if (csrf is not null && !nodes.Any(n => Nodes.Name(n) == "csrf_token"))
        {
            nodes.Add(Nodes.Csrf(csrf));
        }

        flow.Messages = messages;
        flow.Nodes = Nodes.Sort(nodes);
        lock (rt.Store.Gate)
        {
            rt.Store.SaveFlow(flow);
        }

        return flow;
    }

    /// <summary>v26.2.0 FastLogin2FA (commit 86103bcff): exactly one address and code is the only MFA → send now.</summary>
    private static bool TryFastLogin(Runtime rt, LoginFlow flow, Session? session)
    {
        if (!rt.Config.IsAtLeast(EmulatedVersion.V26_2_0) || flow.RequestedAal != "aal2" || !rt.Config.MfaEnabled || session is null)
        {
            return false;
        }

        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId);
        }

        if (identity is null || Aal.CodeAddresses(identity, rt) is not [var address]
            || (Aal.HasOtherEnabledFactor(identity, rt.Config) && !rt.Has(DeviationNames.MixedFastLoginIgnoresOtherFactors)))
        {
            return false;
        }

        CodeSender.Send(rt, flow, identity, address);
        return true;
    }
}
