using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Kratos's self-service recovery flow with the code method (factors spec §8) for one <see cref="KratosClient"/>, in
/// its client style, as <see cref="SettingsClient"/> is for settings: a browser starts it at
/// <c>/self-service/recovery/browser</c> and posts forms, a SPA uses the same init URL with
/// <c>Accept: application/json</c> and posts JSON, a native app uses <c>/self-service/recovery/api</c>. A browser's 303
/// to the recovery UI is followed the way a UI does (the flow fetched from <c>/self-service/recovery/flows?id=</c>);
/// every other redirect (to the settings UI after a successful recovery) is returned as is, its Location being the
/// answer. A native app adopts the session token a successful recovery hands over in
/// <c>continue_with[set_ory_session_token]</c> (code/strategy_recovery.go recoveryIssueSession), as the app would.
/// </summary>
public sealed class RecoveryClient(KratosClient client, KratosFacts facts)
{
    private const string JsonAccept = "application/json";

    public KratosClient Client => client;

    /// <summary>Opens a recovery flow (browser and SPA: <c>/self-service/recovery/browser</c>, native: <c>…/api</c>).</summary>
    public Task<KratosResponse> CreateAsync(string? returnTo = null, CancellationToken ct = default)
    {
        var path = client.Style == ClientStyle.Native ? "self-service/recovery/api" : "self-service/recovery/browser";
        if (returnTo is not null)
        {
            path += "?return_to=" + Uri.EscapeDataString(returnTo);
        }

        return SendAsync(Request(HttpMethod.Get, path, client.Style == ClientStyle.Spa), ct);
    }

    /// <summary>Fetches a recovery flow by id (always JSON, as a UI does).</summary>
    public Task<KratosResponse> GetAsync(string flowId, CancellationToken ct = default) =>
        SendAsync(Request(HttpMethod.Get, "self-service/recovery/flows?id=" + Uri.EscapeDataString(flowId), json: true), ct);

    /// <summary>Submits the recovery address (<c>method=code&amp;email=…</c>): Kratos mails a recovery code to it.</summary>
    public Task<KratosResponse> SendCodeAsync(LoginFlow flow, string email, CancellationToken ct = default) =>
        SubmitAsync(flow, new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = "code", ["email"] = email }, ct);

    /// <summary>Submits the emailed recovery code (<c>method=code&amp;code=…</c>, no email: Kratos then uses the code).</summary>
    public Task<KratosResponse> SubmitCodeAsync(LoginFlow flow, string code, CancellationToken ct = default) =>
        SubmitAsync(flow, new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = "code", ["code"] = code }, ct);

    /// <summary>
    /// Posts <paramref name="fields"/> to <c>POST /self-service/recovery?flow=</c>: a form for the browser, JSON
    /// otherwise; the flow's csrf_token is added for browser and SPA clients (API flows need none).
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

        var request = Request(HttpMethod.Post, "self-service/recovery?flow=" + Uri.EscapeDataString(flow.Id), client.Style == ClientStyle.Spa);
        request.Content = client.Style == ClientStyle.Browser ? new FormUrlEncodedContent(body) : Json(body);
        var response = await SendAsync(request, ct).ConfigureAwait(false);
        if (client.Style == ClientStyle.Native && response.Status == 200 && SessionTokenHandedOver(response) is { } token)
        {
            client.UseSessionToken(token);
        }

        return response;
    }

    /// <summary>The token of <c>continue_with[{action: set_ory_session_token}]</c>, if the answer carries one.</summary>
    public static string? SessionTokenHandedOver(KratosResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.ContinueWith?.OfType<JsonObject>()
            .Where(c => KratosJson.Str(c, "action") == "set_ory_session_token")
            .Select(c => KratosJson.Str(c, "ory_session_token"))
            .FirstOrDefault(t => !string.IsNullOrEmpty(t));
    }

    private HttpRequestMessage Request(HttpMethod method, string path, bool json)
    {
        var request = new HttpRequestMessage(method, path);
        if (json || client.Style != ClientStyle.Browser)
        {
            request.Headers.TryAddWithoutValidation("Accept", JsonAccept);
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

        if (!response.IsRedirect || RecoveryUiFlowId(response.Location) is not { } flowId)
        {
            return response;
        }

        using var follow = Request(HttpMethod.Get, "self-service/recovery/flows?id=" + Uri.EscapeDataString(flowId), json: true);
        var followUp = await client.SendAsync(follow, ct).ConfigureAwait(false);
        return ResponseReader.WithFollowUp(response, followUp);
    }

    /// <summary>The flow id of a redirect to the recovery UI (the configured ui_url with ?flow=), else null.</summary>
    private string? RecoveryUiFlowId(string? location)
    {
        if (facts.RecoveryUiUrl is not { } ui || string.IsNullOrEmpty(location)
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
