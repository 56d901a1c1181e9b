using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/webauthn/login.go Login in MFA mode (factors spec §5.2, §5.5): responsible only for browser
/// flows with webauthn_login set or method=webauthn (API flows: no strategy, 4010002); the login schema wants the
/// hidden identifier; the flow must request aal2; the assertion is checked against the session identity's MFA keys
/// (all keys on a refresh flow) and the challenge kept in the flow. Failures: 4000013 without a WebAuthn credential,
/// 4000001 "Unable to parse WebAuthn response." for a body that is none, 4000008 for any failed check; the challenge
/// stays for a retry. Success removes it, appends {webauthn, aal2} and completes like TOTP (§2.4).
/// </summary>
internal static class WebAuthnLogin
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session? session)
    {
        if (!flow.IsBrowser)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(body["identifier"]))
        {
            // login.schema.json: identifier (minLength 1) is required whenever method=webauthn or webauthn_login is set.
            await FailAsync(ctx, rt, flow, client, Messages.Required("identifier"), "identifier").ConfigureAwait(false);
            return;
        }

        if (!rt.Config.WebAuthn.Enabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        // loginMultiFactor → CheckAAL(aal2); the passwordless path (passwordless config, refresh at aal1) is not emulated
        // and answers as no strategy.
        if (rt.Config.WebAuthn.Passwordless || flow.RequestedAal != "aal2" || session is null)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        Identity? identity;
        JsonObject? sessionData;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId);
            sessionData = WebAuthnCeremony.SessionData(flow.InternalContext)?.DeepClone().AsObject();
        }

        if (identity?.WebAuthn is not { } credential)
        {
            await FailAsync(ctx, rt, flow, client, WebAuthnMessages.NoDevice(), null).ConfigureAwait(false);
            return;
        }

        if (sessionData is null)
        {
            throw new KratosError("An internal server error occurred, please contact the system administrator")
            {
                Code = 500, Status = "Internal Server Error", Reason = "Expected WebAuthN in internal context to be an object but got: unexpected end of JSON input",
            };
        }

        bool verified;
        try
        {
            var keys = flow.Refresh ? credential.Keys : WebAuthnForms.MfaKeys(credential);
            verified = await WebAuthnVerifier.AssertAsync(rt, sessionData, body["webauthn_login"] ?? string.Empty, credential, keys, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (WebAuthnVerifier.ParseException)
        {
            await FailAsync(ctx, rt, flow, client, Messages.Generic("Unable to parse WebAuthn response."), null).ConfigureAwait(false);
            return;
        }

        if (!verified)
        {
            await FailAsync(ctx, rt, flow, client, WebAuthnMessages.VerifierWrong(), null).ConfigureAwait(false);
            return;
        }

        lock (rt.Store.Gate)
        {
            WebAuthnCeremony.SetSessionData(flow.InternalContext, null);
            credential.UpdatedAt = DateTimeOffset.UtcNow;
            rt.Store.SaveIdentity(identity);
        }

        SecondFactorUpgrade.Apply(rt, flow, session, "webauthn");
        await LoginCompletion.RespondAsync(ctx, rt, flow, client, session, identity, "webauthn").ConfigureAwait(false);
    }

    // login/error.go WriteFlowError: every message cleared, the error on the node or in ui.messages, nodes re-sorted.
    // handleLoginError resets "webauth_login" (sic), a node that does not exist: nothing is reset.
    private static Task FailAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, JsonObject message, string? nodeName)
    {
        var onNode = nodeName is not null && flow.Nodes.Any(n => Ui.Nodes.Name(n) == nodeName);
        lock (rt.Store.Gate)
        {
            SecondFactorForms.PrepareError(flow, "webauth_login", onNode ? nodeName : null, onNode ? message : null);
        }

        return LoginSubmit.FailAsync(ctx, rt, flow, client, onNode ? null : message);
    }
}
