using Kratos.Double.Config;
using Kratos.Double.Logging;
using Kratos.Double.State;

namespace Kratos.Double.Http;

/// <summary>
/// What every handler needs: config, state, active deviations, courier and log. One instance per configuration: the
/// host swaps in a new one to switch deviations or the emulated version between runs (a request keeps the one it
/// started with).
/// </summary>
internal sealed record Runtime
{
    public required DoubleConfig Config { get; init; }
    public required IStore Store { get; init; }
    public required IReadOnlySet<string> ActiveDeviations { get; init; }
    public required Courier.CourierQueue Courier { get; init; }
    public required KratosLog Log { get; init; }

    /// <summary>True while the database lacks a migration of the emulated version (/health/ready answers 503).</summary>
    public required Func<bool> PendingMigrations { get; init; }

    public bool Has(string deviation) => ActiveDeviations.Contains(deviation);

    /// <summary>Cookie csrf_token_&lt;hex sha256 of serve.public.base_url&gt; (x/nosurfx CSRFCookieName).</summary>
    public required string CsrfCookieName { get; init; }

    public static string CsrfCookieNameFor(Uri publicBaseUrl) =>
        "csrf_token_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(publicBaseUrl.ToString())));
}
