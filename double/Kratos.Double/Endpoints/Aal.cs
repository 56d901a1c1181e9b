using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>
/// identity/identity.go SetAvailableAAL: aal2 when any strategy counts an active multi-factor credential (code with
/// mfa_enabled, a TOTP URL, at least one lookup code, used or not, a WebAuthn key that is not passwordless). TOTP and lookup count whether or not their method is
/// enabled (CountActiveMultiFactorCredentials looks at the credential only).
/// </summary>
internal static class Aal
{
    public static string Available(Identity identity, Runtime rt) =>
        CodeCounts(identity, rt)
        || (identity.Totp is { IsActive: true } && !rt.Has(DeviationNames.AvailableAalIgnoresTotp))
        || identity.Lookup is { IsActive: true }
        || identity.WebAuthn is { MfaKeys: > 0 }
            ? "aal2"
            : "aal1";

    /// <summary>
    /// code/strategy.go CountActiveMultiFactorCredentials: from v25.4.0 only a code credential with a non-empty address
    /// counts; v1.3.1 counts 1 for every identity whenever mfa_enabled is on (docs/kratos-facts.md), so an identity
    /// without a code address has aal2 available there too.
    /// </summary>
    private static bool CodeCounts(Identity identity, Runtime rt)
    {
        if (!rt.Config.MfaEnabled)
        {
            return false;
        }

        if (!rt.Config.IsAtLeast(EmulatedVersion.V25_4_0) || rt.Has(DeviationNames.CodeOptionalCountsEveryIdentity))
        // Stryker disable once all : out of scope, by kind: code for versions before v25.4.0, or a named deviation (the mutation run emulates v26.2.0; the version matrix runs it unmutated; the kill matrix runs the deviation; docs/mutation-survivors.md)
        {
            return true;
        }

        if (rt.Has(DeviationNames.CodeOptionalIgnoresOptionalTrait))
        {
            // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
            return identity.CodeAddresses.Any(a => identity.PasswordIdentifiers.Contains(a.Address));
        }

        return identity.CodeAddresses.Count > 0;
    }

    /// <summary>
    /// session/manager_http.go DoesSessionSatisfy: aal1 lets every session pass; highest_available wants aal2 from a
    /// session whose identity has aal2 available.
    /// </summary>
    public static bool Satisfies(Session session, Identity identity, string requiredAal, Runtime rt) =>
        requiredAal == "aal1" || session.Aal == "aal2" || Available(identity, rt) == "aal1" || RecoveryIgnoresAal(session, rt);

    private static bool RecoveryIgnoresAal(Session session, Runtime rt)
    {
        // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
        return rt.Has(DeviationNames.RecoverySettingsIgnoreAal) && session.Methods.Any(m => m.Method == "code_recovery");
    }

    /// <summary>
    /// The settings flow's DoesSessionSatisfy with selfservice.flows.settings.required_aal (settings/handler.go): a
    /// session issued by recovery is a session like any other (factors spec §8 item 4).
    /// </summary>
    public static bool SatisfiesSettings(Session session, Identity identity, Runtime rt)
    {
        var required = rt.Config.SettingsRequiredAal;
        // Stryker disable once all : deviation-only (the kill matrix runs it and proves the suites catch it; docs/mutation-survivors.md)
        if (rt.Has(DeviationNames.RecoverySettingsHighestAal) && session.Methods.Any(m => m.Method is "code_recovery" or "link_recovery"))
        {
            required = "highest_available";
        }

        return Satisfies(session, identity, required, rt);
    }

    /// <summary>Another enabled strategy than code counts an active second factor (v26.2.0 FastLogin2FA).</summary>
    public static bool HasOtherEnabledFactor(Identity identity, DoubleConfig config) =>
        (config.TotpEnabled && identity.Totp is { IsActive: true }) || (config.LookupEnabled && identity.Lookup is { IsActive: true })
        || (config.WebAuthn.Mfa && identity.WebAuthn is { MfaKeys: > 0 });

    /// <summary>strategy.go FindCodeAddresses: the code credential's addresses, else (fallback) verifiable emails.</summary>
    public static List<string> CodeAddresses(Identity identity, Runtime rt)
    {
        var config = rt.Config;
        // FindCodeAddressCandidates: every address of the code credential, email and sms alike (factors spec §10.5).
        var addresses = identity.CodeAddresses.Select(a => a.Address).ToList();
        if ((addresses.Count == 0 && config.FallbackEnabled) || (addresses.Count > 0 && rt.Has(DeviationNames.CodeOptionalSendsToLoginEmail)))
        {
            addresses = identity.VerifiableAddresses.Where(a => a.Via == "email").Select(a => a.Value).ToList();
        }

        addresses.Sort(StringComparer.Ordinal);
        return addresses;
    }
}
