using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Text;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/totp/settings.go (§3.3, §3.4): responsible for method=totp or totp_unlink=true. Enrolment checks
/// the code against the key of this flow's internal context (skew 1; empty → 4000002, wrong → 4000008, both on
/// totp_code), stores {"totp_url"} with the identity id as identifier and adds {totp, aal2} to the session. Unlink
/// deletes the credential; method=totp while TOTP is set up changes nothing and still succeeds.
/// </summary>
internal static class TotpSettings
{
    public static async Task<bool> TryAsync(SettingsUpdate u)
    {
        if (u.Body["method"] != "totp" && !u.Flag("totp_unlink"))
        {
            return false;
        }

        if (!u.Rt.Config.TotpEnabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        if (!await SettingsSubmit.CsrfOkAsync(u).ConfigureAwait(false) || !await SettingsSubmit.PrivilegedAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        var identity = u.Identity;
        if (identity.Totp is { IsActive: true })
        {
            if (u.Flag("totp_unlink") && !u.Rt.Has(DeviationNames.TotpUnlinkKeepsCredential))
            {
                identity.Totp = null;
            }

            await SettingsSuccess.CompleteAsync(u, "totp", identity).ConfigureAwait(false);
            return true;
        }

        var url = u.Flow.InternalContext["totp"]?["url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(url))
        {
            throw KratosError.BadRequest("Could not find the TOTP key in the internal context. This is a code bug and should be reported to https://github.com/ory/kratos/.");
        }

        var code = u.Body["totp_code"];
        if (code is null)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Required("totp_code"), "totp_code").ConfigureAwait(false);
            return true;
        }

        if (!TotpKey.Validate(code, TotpKey.Secret(url), DateTimeOffset.UtcNow, u.Rt.Has(DeviationNames.TotpWindowTooWide) ? 5 : 1))
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, FactorMessages.TotpWrong(), "totp_code").ConfigureAwait(false);
            return true;
        }

        var now = DateTimeOffset.UtcNow;
        identity.Totp = new Model.TotpCredential(url, now, now);
        if (!u.Rt.Has(DeviationNames.TotpEnrolmentStaysAal1))
        {
            SettingsSuccess.AddAmr(u.Rt, u.Session, "totp");
        }

        await SettingsSuccess.CompleteAsync(u, "totp", identity).ConfigureAwait(false);
        return true;
    }
}
