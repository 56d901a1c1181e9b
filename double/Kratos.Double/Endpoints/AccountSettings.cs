using System.Text.Json;
using System.Text.Json.Nodes;
using Kratos.Double.Http;
using Kratos.Double.Text;

namespace Kratos.Double.Endpoints;

/// <summary>
/// The profile and password settings strategies as far as this identity schema needs them (selfservice/strategy/profile
/// and password settings.go): method=profile replaces the traits (identifiers and addresses derived again; a changed
/// identifier needs a privileged session, PostSettingsHook → ErrProtectedFieldModified), method=password sets a new
/// password (privileged; empty → 4000002 on the node).
/// </summary>
internal static class AccountSettings
{
    public static async Task<bool> TryProfileAsync(SettingsUpdate u)
    {
        if (u.Body["method"] != "profile" || !u.Rt.Config.ProfileEnabled)
        {
            return false;
        }

        if (!await SettingsSubmit.CsrfOkAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        var traits = u.Body["traits"] is { } json ? JsonNode.Parse(json) as JsonObject ?? [] : [];
        foreach (var trait in u.Rt.Config.Schema.Traits)
        {
            if (u.Body["traits." + trait.Name] is { } value)
            {
                traits[trait.Name] = value;
            }
        }

        Model.Identity derived;
        try
        {
            derived = IdentityFactory.Create(u.Rt, new JsonObject { ["schema_id"] = u.Identity.SchemaId, ["traits"] = traits });
        }
        catch (KratosError e)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Generic(e.Reason ?? e.Message)).ConfigureAwait(false);
            return true;
        }

        var identity = u.Identity;
        var identifiersChanged = !derived.PasswordIdentifiers.SequenceEqual(identity.PasswordIdentifiers)
            || !derived.CodeAddresses.Select(a => a.Address).SequenceEqual(identity.CodeAddresses.Select(a => a.Address));
        if (identifiersChanged && !await SettingsSubmit.PrivilegedAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        foreach (var (key, value) in derived.Traits.ToList())
        {
            identity.Traits[key] = value?.DeepClone();
        }

        Replace(identity.PasswordIdentifiers, derived.PasswordIdentifiers);
        Replace(identity.CodeAddresses, derived.CodeAddresses);
        var verified = identity.VerifiableAddresses.ToDictionary(a => a.Value, StringComparer.Ordinal);
        Replace(identity.VerifiableAddresses, derived.VerifiableAddresses.Select(a => verified.TryGetValue(a.Value, out var kept) ? kept : a).ToList());
        Replace(identity.RecoveryAddresses, derived.RecoveryAddresses);
        await SettingsSuccess.CompleteAsync(u, "profile", identity).ConfigureAwait(false);
        return true;
    }

    public static async Task<bool> TryPasswordAsync(SettingsUpdate u)
    {
        if (u.Body["method"] != "password" || !u.Rt.Config.PasswordEnabled)
        {
            return false;
        }

        if (!await SettingsSubmit.CsrfOkAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        var password = u.Body["password"];
        if (password is null)
        {
            await SettingsResponses.FailAsync(u.Ctx, u.Rt, u.Flow, u.Client, Messages.Required("password"), "password").ConfigureAwait(false);
            return true;
        }

        if (!await SettingsSubmit.PrivilegedAsync(u).ConfigureAwait(false))
        {
            return true;
        }

        u.Identity.Password = password;
        if (u.Identity.PasswordIdentifiers.Count == 0)
        {
            u.Identity.PasswordIdentifiers.AddRange(u.Rt.Config.Schema.Traits.Where(t => t.PasswordIdentifier)
                .Select(t => u.Identity.Traits[t.Name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim().ToLowerInvariant() : null)
                .OfType<string>());
        }

        await SettingsSuccess.CompleteAsync(u, "password", u.Identity).ConfigureAwait(false);
        return true;
    }

    private static void Replace<T>(List<T> target, IEnumerable<T> source)
    {
        var copy = source.ToList();
        target.Clear();
        target.AddRange(copy);
    }
}
