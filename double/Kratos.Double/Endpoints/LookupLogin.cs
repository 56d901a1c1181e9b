using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Microsoft.AspNetCore.Http;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/lookup/login.go Login at aal2 (§4.4): exact, case-sensitive match against the stored codes;
/// a used code answers 4000012, an unknown one 4000016, no credential 4000014; success marks the code used (UTC, whole
/// seconds) and adds {lookup_secret, aal2} to the session.
/// </summary>
internal static class LookupLogin
{
    public static async Task HandleAsync(HttpContext ctx, Runtime rt, LoginFlow flow, Client client, SubmissionBody body, Session? session)
    {
        if (!rt.Config.LookupEnabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        if (flow.RequestedAal != "aal2" || session is null)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, Messages.NoStrategy()).ConfigureAwait(false);
            return;
        }

        var code = body["lookup_secret"];
        if (code is null)
        {
            lock (rt.Store.Gate)
            {
                SecondFactorForms.PrepareError(flow, "lookup_secret", "lookup_secret", Messages.Required("lookup_secret"));
            }

            await LoginSubmit.FailAsync(ctx, rt, flow, client, null).ConfigureAwait(false);
            return;
        }

        JsonObject? failure = null;
        Identity? identity;
        lock (rt.Store.Gate)
        {
            identity = rt.Store.FindIdentity(session.IdentityId);
            var lookup = identity?.Lookup;
            var match = lookup?.Codes.FirstOrDefault(c => c.Code == code);
            if (identity is null || lookup is null || lookup.Codes.Count == 0)
            {
                failure = FactorMessages.NoLookup();
            }
            else if (match is null)
            {
                failure = FactorMessages.LookupInvalid();
            }
            else if (match.UsedAt is not null && !rt.Has(DeviationNames.LookupUsedCodeAccepted))
            {
                failure = FactorMessages.LookupAlreadyUsed();
            }
            else
            {
                var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                identity.Lookup = lookup with { Codes = [.. lookup.Codes.Select(c => c == match ? c with { UsedAt = now } : c)], UpdatedAt = now };
                rt.Store.SaveIdentity(identity);
            }

            if (failure is not null)
            {
                SecondFactorForms.PrepareError(flow, "lookup_secret", null, null);
            }
        }

        if (failure is not null)
        {
            await LoginSubmit.FailAsync(ctx, rt, flow, client, failure).ConfigureAwait(false);
            return;
        }

        SecondFactorUpgrade.Apply(rt, flow, session, "lookup_secret");
        await LoginCompletion.RespondAsync(ctx, rt, flow, client, session, identity!, "lookup_secret").ConfigureAwait(false);
    }
}
