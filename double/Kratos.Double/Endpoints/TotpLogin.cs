using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/totp/login.go Login at aal2 (§3.5): responsible for method=totp on an aal2 flow; the code is
/// checked against the session identity's key with skew 1; no attempt limit, no replay protection.
/// </summary>
internal static class TotpLogin
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session? session)
    {
        if (!rt.Config.TotpEnabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        if (flow.RequestedAal != "aal2" || session is null)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        var code = body["totp_code"];
        if (code is null || code.Length < 6)
        {
            // The login schema (required, minLength 6) answers on the node.
            var message = code is null ? Messages.Required("totp_code") : FactorMessages.MinLength(6, code.Length);
            await FailOnNodeAsync(ctx, rt, flow, client, message).ConfigureAwait(false);
            return;
        }

        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId);
        }

        if (identity?.Totp is not { IsActive: true } totp)
        {
            await FailAsync(ctx, rt, flow, client, FactorMessages.NoTotpDevice()).ConfigureAwait(false);
            return;
        }

        var skew = rt.Has(DeviationNames.TotpWindowTooWide) ? 5 : 1;
        if (!TotpKey.Validate(code, TotpKey.Secret(totp.Url), DateTimeOffset.UtcNow, skew))
        {
            var wrong = rt.Has(DeviationNames.TotpWrongCodeMessageId) ? Messages.InvalidCredentials() : FactorMessages.TotpWrong();
            await FailAsync(ctx, rt, flow, client, wrong).ConfigureAwait(false);
            return;
        }

        SecondFactorUpgrade.Apply(rt, flow, session, "totp");
        await LoginCompletion.RespondAsync(ctx, rt, flow, client, session, identity, "totp").ConfigureAwait(false);
    }

    private static Task FailAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, System.Text.Json.Nodes.JsonObject message)
    {
        lock (rt.Store.Gate)
        {
            SecondFactorForms.PrepareError(flow, "totp_code", null, null);
        }

        return LoginSubmit.FailAsync(ctx, rt, flow, client, message);
    }

    private static Task FailOnNodeAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, System.Text.Json.Nodes.JsonObject message)
    {
        lock (rt.Store.Gate)
        {
            SecondFactorForms.PrepareError(flow, "totp_code", "totp_code", message);
        }

        return LoginSubmit.FailAsync(ctx, rt, flow, client, null);
    }
}
