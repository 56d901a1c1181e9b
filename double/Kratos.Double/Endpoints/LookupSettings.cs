using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.Text;
using Kratos.Double.Ui;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/lookup/settings.go (§4.3): responsible when any of lookup_secret_{confirm,reveal,disable,regenerate}
/// is true; with several, confirm wins over reveal over disable over regenerate. Regenerate shows 12 new codes and keeps
/// them in the flow's internal context only; confirm (same flow) saves them and adds {lookup_secret, aal2} to the
/// session; reveal shows the stored codes; disable deletes them. Reveal and regenerate answer with the flow as it
/// stands, unsorted (ErrStrategyAsksToReturnToUI); the others end as every settings success.
/// </summary>
internal static class LookupSettings
{
    private static readonly string[] AllNodes = ["lookup_secret_regenerate", "lookup_secret_reveal", "lookup_secret_confirm", "lookup_secret_disable", "lookup_secret_codes"];

    public static async Task<bool> TryAsync(SettingsUpdate u)
    {
        bool confirm = u.Flag("lookup_secret_confirm"), reveal = u.Flag("lookup_secret_reveal"), disable = u.Flag("lookup_secret_disable"), regenerate = u.Flag("lookup_secret_regenerate");
        if (!(confirm || reveal || disable || regenerate))
        {
            return false;
        }

        if (!u.Rt.Config.LookupEnabled)
        {
            throw KratosError.NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");
        }

        if (!await SettingsSubmit.CsrfOkAsync(u).ConfigureAwait(false) || !await SettingsSubmit.PrivilegedAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        if (regenerate && u.Rt.Has(DeviationNames.LookupRegenerateWinsOverReveal) && !confirm)
        {
            await RegenerateAsync(u).ConfigureAwait(false);
        }
        else if (confirm)
        {
            await ConfirmAsync(u).ConfigureAwait(false);
        }
        else if (reveal)
        {
            await RevealAsync(u).ConfigureAwait(false);
        }
        else if (disable)
        {
            u.Identity.Lookup = null;
            await SettingsSuccess.CompleteAsync(u, "lookup_secret", u.Identity).ConfigureAwait(false);
        }
        else
        {
            await RegenerateAsync(u).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>credentials_lookup.go ToNode: 1050015 over 1050009 (unused) / 1050014 (used) per code, label 1050010.</summary>
    public static JsonObject CodesNode(IReadOnlyList<RecoveryCode> codes)
    {
        var formatted = codes.Select(c => c.UsedAt is null ? c.Code : "used").ToList();
        var messages = codes.Select(c => c.UsedAt is { } at ? FactorMessages.LookupSecretUsed(at) : FactorMessages.LookupSecret(c.Code)).ToList();
        return FactorNodes.Text("lookup_secret", "lookup_secret_codes", FactorMessages.LookupSecretList(formatted, messages), FactorMessages.LookupCodesLabel());
    }

    private static async Task RegenerateAsync(SettingsUpdate u)
    {
        var codes = Enumerable.Range(0, 12).Select(_ => new RecoveryCode(RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8), null)).ToList();
        var saveNow = u.Rt.Has(DeviationNames.LookupRegenerateSavesAtOnce);
        lock (u.Rt.Store.Gate)
        {
            ReplaceNodes(u.Flow, [CodesNode(codes), FactorNodes.Button("lookup_secret", "lookup_secret_confirm", FactorMessages.ConfirmLookup())]);
            var context = Context(u.Flow);
            context["regenerated"] = saveNow ? new JsonObject() : new LookupCredential(codes, default, default).Config()["recovery_codes"]!.DeepClone();
            if (saveNow)
            {
                var now = DateTimeOffset.UtcNow;
                u.Identity.Lookup = new LookupCredential(codes, now, now);
                u.Rt.Store.SaveIdentity(u.Identity);
            }

            u.Rt.Store.SaveSettingsFlow(u.Flow);
        }

        await SettingsResponses.FlowAsync(u.Ctx, u.Rt, u.Flow, u.Client, 200).ConfigureAwait(false);
    }

    private static async Task ConfirmAsync(SettingsUpdate u)
    {
        var regenerated = Context(u.Flow)["regenerated"] as JsonArray;
        if (regenerated is not { Count: 12 })
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("You must (re-)generate recovery backup codes before you can save them.")).ConfigureAwait(false);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        u.Identity.Lookup = new LookupCredential([.. regenerated.Select(c => new RecoveryCode(c!["code"]!.GetValue<string>(), null))], now, now);
        Context(u.Flow).Remove("regenerated");
        SettingsSuccess.AddAmr(u.Rt, u.Session, "lookup_secret");
        await SettingsSuccess.CompleteAsync(u, "lookup_secret", u.Identity).ConfigureAwait(false);
    }

    private static async Task RevealAsync(SettingsUpdate u)
    {
        if (u.Identity.Lookup is not { IsActive: true } lookup)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic("Can not reveal lookup codes because you have none.")).ConfigureAwait(false);
            return;
        }

        lock (u.Rt.Store.Gate)
        {
            ReplaceNodes(u.Flow, [
                CodesNode(lookup.Codes),
                FactorNodes.Button("lookup_secret", "lookup_secret_disable", FactorMessages.DisableLookup()),
                FactorNodes.Button("lookup_secret", "lookup_secret_regenerate", FactorMessages.RegenerateLookup()),
            ]);
            Context(u.Flow)["revealed"] = true;
            u.Rt.Store.SaveSettingsFlow(u.Flow);
        }

        await SettingsResponses.FlowAsync(u.Ctx, u.Rt, u.Flow, u.Client, 200).ConfigureAwait(false);
    }

    /// <summary>Nodes.Remove of every lookup node, then Upsert (append) of the new ones; handleSettingsError resets the messages.</summary>
    private static void ReplaceNodes(SettingsFlow flow, IEnumerable<JsonObject> added)
    {
        var kept = flow.Nodes.Where(n => !AllNodes.Contains(FactorNodes.Id(n))).Select(n => n!.DeepClone()).ToList();
        foreach (var node in kept)
        {
            ((JsonArray)node["messages"]!).Clear();
        }

        kept.AddRange(added);
        flow.Messages = [];
        flow.Nodes = new JsonArray([.. kept]);
        flow.UpdatedAt = DateTimeOffset.UtcNow;
    }

    private static JsonObject Context(SettingsFlow flow)
    {
        if (flow.InternalContext["lookup_secret"] is not JsonObject context)
        {
            context = [];
            flow.InternalContext["lookup_secret"] = context;
        }

        return context;
    }
}
