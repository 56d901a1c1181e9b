using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Versions;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Asks a deployment which Kratos it is (GET /version on the admin port; spec §5.4). Expectations are keyed by the
/// answer unless the user overrides it, so a suite run against v25.4.0 expects v25.4.0's texts.
/// </summary>
public static class KratosVersionProbe
{
    /// <summary>As <see cref="ResolveAsync(Uri, string?, Patience, CancellationToken)"/> at patience 1.</summary>
    public static Task<KratosVersion> ResolveAsync(Uri adminUrl, string? overrideVersion, CancellationToken cancellationToken) =>
        ResolveAsync(adminUrl, overrideVersion, Patience.Default, cancellationToken);

    /// <summary>The version <paramref name="overrideVersion"/> names, else what GET /version answers (within the "Kratos request" deadline).</summary>
    public static async Task<KratosVersion> ResolveAsync(Uri adminUrl, string? overrideVersion, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        if (overrideVersion is not null)
        {
            return KratosVersion.Parse(overrideVersion);
        }

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var url = new Uri(adminUrl, "admin/version");
        JsonNode? body;
        try
        {
            body = await patience.For("Kratos request", TimeSpan.FromSeconds(10))
                .RunAsync($"GET {url}", ct => http.GetFromJsonAsync<JsonNode>(url, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or DeadlineExpiredException or System.Text.Json.JsonException)
        {
            throw new HarnessSettingsException($"Could not read the Kratos version from GET {url}: {e.Message}. Check the admin URL, or give the version with --kratos-version.", e);
        }

        var text = body?["version"]?.GetValue<string>();
        if (!KratosVersion.TryParse(text, out var version))
        {
            throw new HarnessSettingsException($"GET {url} answered version '{text}', which is not a release version (e.g. a master build): give the version whose behaviour to expect with --kratos-version v26.2.0.");
        }

        // Expectations exist per release line; a patch release of a known line behaves as that line. Anything else
        // would be judged by whichever known version it happens to sort after: refuse it, naming the choice.
        if (!KratosVersion.Known.Any(k => k.Major == version.Major && k.Minor == version.Minor))
        {
            var known = string.Join(", ", KratosVersion.Known);
            throw new HarnessSettingsException(
                $"GET {url} answered Kratos {version}, a version this suite has no expectations for (it knows {known}): run against one of those, or give the version whose behaviour to expect with --kratos-version {KratosVersion.Known[^1]}.");
        }

        return version;
    }
}
