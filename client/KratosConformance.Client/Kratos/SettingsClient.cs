using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Kratos's self-service settings flow (factors spec §3.3, §4.3, §7) for one <see cref="KratosClient"/>, in its client
/// style: a browser starts it at <c>/self-service/settings/browser</c> and posts forms, a SPA uses the same init URL
/// with <c>Accept: application/json</c> and posts JSON, a native app uses <c>/self-service/settings/api</c> with its
/// session token. A browser's 303 to the settings UI is followed the way a UI does (the flow fetched from
/// <c>/self-service/settings/flows?id=</c>), so suites see what Kratos decided; every other redirect (to the aal2 or
/// refresh login) is returned as is, its Location being the answer. The flow is read into <see cref="LoginFlow"/>'s
/// typed view (id, state, ui nodes and messages are the same fields; <see cref="LoginFlow.Raw"/> keeps the rest).
/// </summary>
public sealed class SettingsClient(KratosClient client, KratosFacts facts)
{
    private const string JsonAccept = "application/json";

    public KratosClient Client => client;

    /// <summary>Opens a settings flow (browser and SPA: <c>/self-service/settings/browser</c>, native: <c>…/api</c>).</summary>
    public async Task<KratosResponse> CreateAsync(string? returnTo = null, CancellationToken ct = default)
    {
        var path = client.Style == ClientStyle.Native ? "self-service/settings/api" : "self-service/settings/browser";
        if (returnTo is not null)
        {
            path += "?return_to=" + Uri.EscapeDataString(returnTo);
        }

        return await SendAsync(Request(HttpMethod.Get, path, client.Style == ClientStyle.Spa), ct).ConfigureAwait(false);
    }

    /// <summary>Fetches a settings flow by id (always JSON, as a UI does).</summary>
    public Task<KratosResponse> GetAsync(string flowId, CancellationToken ct = default) =>
        SendAsync(Request(HttpMethod.Get, "self-service/settings/flows?id=" + Uri.EscapeDataString(flowId), json: true), ct);

    /// <summary>
    /// Posts <paramref name="fields"/> to the flow's form (<c>POST /self-service/settings?flow=</c>): a form for the
    /// browser, JSON otherwise; the flow's csrf_token is added for browser and SPA clients (API flows need none).
    /// </summary>
    public async Task<KratosResponse> SubmitAsync(LoginFlow flow, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(fields);
        var body = new List<KeyValuePair<string, string>>(fields);
        if (client.Style != ClientStyle.Native && flow.CsrfToken is { } csrf && !fields.ContainsKey("csrf_token"))
        {
            body.Add(new("csrf_token", csrf));
        }

        var request = Request(HttpMethod.Post, "self-service/settings?flow=" + Uri.EscapeDataString(flow.Id), client.Style == ClientStyle.Spa);
        request.Content = client.Style == ClientStyle.Browser ? new FormUrlEncodedContent(body) : Json(body);
        return await SendAsync(request, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, bool json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json || client.Style != ClientStyle.Browser)
        {
            request.Headers.TryAddWithoutValidation("Accept", JsonAccept);
        }

        if (client.Style == ClientStyle.Native && client.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Session-Token", token);
        }

        return request;
    }

    private async Task<KratosResponse> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        KratosResponse response;
        using (request)
        {
            response = await client.SendAsync(request, ct).ConfigureAwait(false);
        }

        if (!response.IsRedirect || SettingsUiFlowId(response.Location) is not { } flowId)
        {
            return response;
        }

        using var follow = Request(HttpMethod.Get, "self-service/settings/flows?id=" + Uri.EscapeDataString(flowId), json: true);
        var followUp = await client.SendAsync(follow, ct).ConfigureAwait(false);
        return ResponseReader.WithFollowUp(response, followUp);
    }

    /// <summary>The flow id of a redirect to the settings UI (the configured ui_url with ?flow=), else null.</summary>
    private string? SettingsUiFlowId(string? location)
    {
        if (facts.SettingsUiUrl is not { } ui || string.IsNullOrEmpty(location)
            || !Uri.TryCreate(client.Endpoints.PublicUrl, location, out var target))
        {
            return null;
        }

        var samePage = Uri.Compare(target, ui, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        return samePage ? HttpUtility.ParseQueryString(target.Query)["flow"] : null;
    }

    private static StringContent Json(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = new JsonObject();
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
