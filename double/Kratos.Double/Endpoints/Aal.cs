using Kratos.Double.Config;
using Kratos.Double.Model;

namespace Kratos.Double.Endpoints;

/// <summary>identity/identity.go SetAvailableAAL with the code strategy's CountActiveMultiFactorCredentials.</summary>
internal static class Aal
{
    public static string Available(Identity identity, DoubleConfig config) =>
        config.MfaEnabled && identity.CodeAddresses.Count > 0 ? "aal2" : "aal1";

    /// <summary>strategy.go FindCodeAddresses: the code credential's addresses, else (fallback) verifiable emails.</summary>
    public static List<string> CodeAddresses(Identity identity, DoubleConfig config)
    {
        var addresses = identity.CodeAddresses.Where(a => a.Channel == "email").Select(a => a.Address).ToList();
        if (addresses.Count == 0 && config.FallbackEnabled)
        {
            addresses = identity.VerifiableAddresses.Where(a => a.Via == "email").Select(a => a.Value).ToList();
        }

        addresses.Sort(StringComparer.Ordinal);
        return addresses;
    }
}
