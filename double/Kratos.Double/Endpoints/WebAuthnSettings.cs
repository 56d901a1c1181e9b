using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/webauthn/settings.go (factors spec §5.4): responsible for browser flows with webauthn_register
/// or webauthn_remove set (API flows: no strategy, 4010004). The settings schema wants a display name with a
/// registration (4000002 on its node); then CSRF and the privileged window. Register: an unparsable body is 4000001
/// "Unable to parse WebAuthn response: …"; a well-formed attestation that fails verification is Kratos's 500 "Unable to
/// create WebAuthn credential: …"; a schema without a WebAuthn identifier is 4000009; success appends the key (user
/// handle = identity UUID bytes, version 1) and {webauthn, aal2} to the session. Remove: by lowercase hex id; the last
/// key removes the credential.
/// </summary>
internal static class WebAuthnSettings
{
    public static async Task<bool> TryAsync(SettingsUpdate u)
    {
        var register = u.Body["webauthn_register"];
        var remove = u.Body["webauthn_remove"];
        if (!u.Flow.IsBrowser || (string.IsNullOrEmpty(register) && string.IsNullOrEmpty(remove)))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(register) && string.IsNullOrEmpty(u.Body["webauthn_register_displayname"]))
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Required("webauthn_register_displayname"), "webauthn_register_displayname").ConfigureAwait(false);
            return true;
        }

        if (!u.Rt.Config.WebAuthn.Enabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        if (!await SettingsSubmit.CsrfOkAsync(u).ConfigureAwait(false) || !await SettingsSubmit.PrivilegedAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(register))
        {
            await RegisterAsync(u, register).ConfigureAwait(false);
        }
        else
        {
            await RemoveAsync(u, remove!).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task RegisterAsync(SettingsUpdate u, string register)
    {
        var session = WebAuthnCeremony.SessionData(u.Flow.InternalContext)?.DeepClone().AsObject()
            ?? throw InternalError("Expected WebAuthN in internal context to be an object.");
        WebAuthnKey key;
        try
        {
            key = await WebAuthnVerifier.RegisterAsync(u.Rt, session, register, u.Body["webauthn_register_displayname"]!, u.Ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (WebAuthnVerifier.ParseException e)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("Unable to parse WebAuthn response: " + e.Message)).ConfigureAwait(false);
            return;
        }
        catch (WebAuthnVerifier.VerificationException e)
        {
            throw InternalError("Unable to create WebAuthn credential: " + e.Message);
        }

        var identity = u.Identity;
        var identifiers = WebAuthnForms.Identifiers(u.Rt, identity);
        if (identifiers.Count == 0)
        {
            // validateCredentials: no trait is a WebAuthn identifier.
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, WebAuthnMessages.NoIdentifier()).ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var credential = identity.WebAuthn ?? new WebAuthnCredential { UserHandle = WebAuthnCeremony.UserHandle(identity.Id), CreatedAt = now };
        credential.Keys.Add(key);
        credential.Identifiers.Clear();
        credential.Identifiers.AddRange(identifiers);
        credential.UpdatedAt = now;
        identity.WebAuthn = credential;
        if (!u.Rt.Has(DeviationNames.WebAuthnRegistrationStaysAal1))
        {
            SettingsSuccess.AddAmr(u.Rt, u.Session, "webauthn");
        }

        await SettingsSuccess.CompleteAsync(u, "webauthn", identity).ConfigureAwait(false);
    }

    private static async Task RemoveAsync(SettingsUpdate u, string hex)
    {
        var identity = u.Identity;
        if (identity.WebAuthn is not { } credential)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("You tried to remove a WebAuthn but you have no WebAuthn set up.")).ConfigureAwait(false);
            return;
        }

        var key = credential.Keys.FirstOrDefault(k => k.Hex == hex);
        if (key is null)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("You tried to remove a WebAuthn credential which does not exist.")).ConfigureAwait(false);
            return;
        }

        var firstFactors = (identity.Password is null ? 0 : 1) + credential.Keys.Count(k => k.IsPasswordless);
        if (key.IsPasswordless && firstFactors < 2)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("unable to remove this security key because it would lock you out of your account"), "webauthn_remove").ConfigureAwait(false);
            return;
        }

        credential.Keys.Remove(key);
        credential.UpdatedAt = DateTimeOffset.UtcNow;
        identity.WebAuthn = credential.Keys.Count == 0 ? null : credential;
        await SettingsSuccess.CompleteAsync(u, "webauthn", identity).ConfigureAwait(false);
    }

    private static KratosError InternalError(string reason) =>
        new("An internal server error occurred, please contact the system administrator") { Code = 500, Status = "Internal Server Error", Reason = reason };
}
