using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KratosConformance.Client.Versions;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// Asks a deployment which Kratos it is (GET /version on the admin port; spec §5.4). Expectations are keyed by the
/// answer unless the user overrides it, so a suite run against v25.4.0 expects v25.4.0's texts.
/// </summary>
public static class KratosVersionProbe
{
    public static async Task<KratosVersion> ResolveAsync(Uri adminUrl, string? overrideVersion, CancellationToken cancellationToken)
    {
        if (overrideVersion is not null)
        {
            return KratosVersion.Parse(overrideVersion);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri(adminUrl, "admin/version");
        JsonNode? body;
        try
        {
            body = await http.GetFromJsonAsync<JsonNode>(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            throw new HarnessSettingsException($"Could not read the Kratos version from GET {url}: {e.Message}. Check the admin URL, or give the version with --kratos-version.", e);
        }

        var text = body?["version"]?.GetValue<string>();
        if (!KratosVersion.TryParse(text, out var version))
        {
            throw new HarnessSettingsException($"GET {url} answered version '{text}', which is not a release version (e.g. a master build): give the version whose behaviour to expect with --kratos-version v26.2.0.");
        }

        return version;
    }
}
