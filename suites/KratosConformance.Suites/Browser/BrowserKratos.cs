using System.Text.Json.Nodes;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Kratos as the browser under test sees it, read with the browser context's own cookies (Playwright's context request
/// API shares the cookie jar): the flow the page is showing (GET /self-service/login/flows?id= needs the CSRF cookie of
/// a browser flow, spec §3; a settings page's flow comes from /self-service/settings/flows?id=) and the session the
/// browser holds (/sessions/whoami). Reading the flow alongside the page is what lets the suite find any UI's elements
/// by Kratos's node contract instead of by one UI's markup.
/// </summary>
public sealed class BrowserKratos
{
    private readonly IBrowserContext _context;
    private readonly Uri _kratos;
    private readonly EvidenceRecorder _evidence;
    private readonly float _timeoutMs;
    private string? _lastNote;
    private string _lastKind = "login";

    public BrowserKratos(IBrowserContext context, Uri kratosPublicUrl, EvidenceRecorder evidence, float timeoutMs)
    {
        _context = context;
        _kratos = kratosPublicUrl.AbsoluteUri.EndsWith('/') ? kratosPublicUrl : new Uri(kratosPublicUrl.AbsoluteUri + "/");
        _evidence = evidence;
        _timeoutMs = timeoutMs;
    }

    /// <summary>The flow id in a page URL's <c>flow</c> query parameter (where Kratos sends the browser, spec §2.2).</summary>
    public static string? FlowId(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "flow" && parts[1].Length > 0)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    /// <summary>
    /// The flow the page at <paramref name="pageUrl"/> shows: a login flow, or a settings flow (GET
    /// /self-service/settings/flows?id=, bound to the session cookie, factors spec §7.2), or null when its URL names
    /// none or Kratos returns neither. The page's URL does not say which kind its id is: the kind of the last flow read
    /// is asked first, then the other (a login id is 404 at the settings endpoint and the other way round).
    /// </summary>
    public async Task<LoginFlow?> FlowAsync(string pageUrl)
    {
        if (FlowId(pageUrl) is not { } id)
        {
            return null;
        }

        string[] kinds = _lastKind == "settings" ? ["settings", "login"] : ["login", "settings"];
        var statuses = new List<string>();
        foreach (var kind in kinds)
        {
            var response = await GetAsync($"self-service/{kind}/flows?id=" + Uri.EscapeDataString(id));
            var flow = response.Ok ? LoginFlow.TryParse(JsonNode.Parse(await response.TextAsync())) : null;
            if (flow is not null)
            {
                _lastKind = kind;
                Remember($"browser: the page shows {kind} flow {id} (state {flow.State}, messages [{string.Join(", ", flow.MessageIds)}])");
                return flow;
            }

            statuses.Add($"{kind} {response.Status}");
        }

        Remember($"browser: GET /self-service/{{login,settings}}/flows?id={id} with the browser's cookies → {string.Join(", ", statuses)}: no flow to find the page's elements by");
        return null;
    }

    /// <summary>GET /sessions/whoami with the browser's cookies: its status and body.</summary>
    public async Task<(int Status, string Body)> WhoAmIAsync()
    {
        var response = await GetAsync("sessions/whoami");
        return (response.Status, await response.TextAsync());
    }

    // Read before every element; noted when what the page shows changed.
    private void Remember(string note)
    {
        if (note != _lastNote)
        {
            _evidence.Note(note);
            _lastNote = note;
        }
    }

    private Task<IAPIResponse> GetAsync(string path) =>
        _context.APIRequest.GetAsync(new Uri(_kratos, path).AbsoluteUri, new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
            Timeout = _timeoutMs,
            MaxRedirects = 0,
        });
}
