using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Waiting;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// Sends one request and records it as an <see cref="EvidenceKind.Http"/> step with masked headers and bodies, the
/// flow it carried and a transcript file. Every client (public and admin) goes through here, so no exchange with
/// Kratos is ever missing from the evidence, and every request is bounded by the endpoints' request deadline.
/// </summary>
internal sealed class EvidenceHttp(HttpClient http, EvidenceRecorder evidence, CookieContainer? cookies, Deadline deadline)
{
    public EvidenceRecorder Evidence => evidence;

    public async Task<RecordedExchange> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var masker = evidence.Masker;
        var url = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var requestHeaders = Headers(request.Headers, request.Content?.Headers);
        var cookieHeader = cookies?.GetCookieHeader(url);
        if (!string.IsNullOrEmpty(cookieHeader) && !request.Headers.Contains("Cookie"))
        {
            requestHeaders.Add(new("Cookie", cookieHeader));
        }

        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var pathAndQuery = FlowDescription.ShortenIds(url.PathAndQuery);
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await deadline.RunAsync(
                $"{request.Method} {pathAndQuery}",
                ct => http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or DeadlineExpiredException)
        {
            evidence.Record(new EvidenceStep
            {
                Seq = 0,
                Kind = EvidenceKind.Http,
                Title = $"{request.Method} {pathAndQuery} -> no response",
                Http = new HttpEvidence { Method = request.Method.Method, Url = masker.Mask(url.AbsoluteUri), RequestHeaders = Join(MaskAll(requestHeaders, masker)), RequestBody = Mask(requestBody, masker), DurationMs = stopwatch.Elapsed.TotalMilliseconds },
                Text = ex.Message,
            });
            throw;
        }

        using (response)
        {
            var duration = stopwatch.Elapsed.TotalMilliseconds;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var json = KratosJson.TryParse(body);
            var responseHeaders = Headers(response.Headers, response.Content.Headers);
            var location = response.Headers.Location?.OriginalString;
            var requestLine = string.Create(CultureInfo.InvariantCulture, $"{request.Method} {pathAndQuery} -> {status}");
            var flow = LoginFlow.TryParse(json);
            var maskedRequestHeaders = MaskAll(requestHeaders, masker);
            var maskedResponseHeaders = MaskAll(responseHeaders, masker);
            var maskedRequestBody = Mask(requestBody, masker);
            var maskedResponseBody = Mask(body, masker);
            var transcript = HttpTranscript.Format(request.Method.Method, url, maskedRequestHeaders, maskedRequestBody, status, response.ReasonPhrase, maskedResponseHeaders, maskedResponseBody, duration);
            var step = evidence.Record(
                new EvidenceStep
                {
                    Seq = 0,
                    Kind = EvidenceKind.Http,
                    Title = requestLine,
                    Http = new HttpEvidence
                    {
                        Method = request.Method.Method,
                        Url = masker.Mask(url.AbsoluteUri),
                        RequestHeaders = Join(maskedRequestHeaders),
                        RequestBody = maskedRequestBody,
                        Status = status,
                        ResponseHeaders = Join(maskedResponseHeaders),
                        ResponseBody = maskedResponseBody,
                        DurationMs = duration,
                        ErrorId = KratosError.TryParse(json)?.Id,
                    },
                    Flow = flow is null ? null : FlowEvidenceBuilder.From(flow, masker),
                },
                HttpTranscript.FileName(request.Method.Method, url),
                transcript);
            return new RecordedExchange(status, location, body, json, requestLine, step.File) { Headers = responseHeaders };
        }
    }

    private static List<KeyValuePair<string, string>> Headers(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var set in new[] { headers, contentHeaders })
        {
            if (set is null)
            {
                continue;
            }

            foreach (var (name, values) in set)
            {
                // Set-Cookie stays one line per cookie (commas are legal inside cookie attributes).
                if (string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
                {
                    list.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
                }
                else
                {
                    list.Add(new(name, string.Join(", ", values)));
                }
            }
        }

        return list;
    }

    private static List<KeyValuePair<string, string>> MaskAll(List<KeyValuePair<string, string>> headers, SecretMasker masker) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Key, masker.MaskHeader(h.Key, h.Value))).ToList();

    private static Dictionary<string, string> Join(List<KeyValuePair<string, string>> headers) =>
        headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join("\n", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);

    private static string? Mask(string? text, SecretMasker masker) => text is null ? null : masker.Mask(text);
}
