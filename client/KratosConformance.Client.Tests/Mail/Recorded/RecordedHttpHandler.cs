using System.Net;
using System.Text;

namespace KratosConformance.Client.Tests.Mail.Recorded;

/// <summary>Replays recorded API answers by path and query, and keeps the requests it saw, like MailKit's replay streams.</summary>
internal sealed class RecordedHttpHandler : HttpMessageHandler
{
    private readonly List<(Func<Uri, bool> Match, HttpStatusCode Status, string Body)> _answers = [];

    public List<Uri> Requests { get; } = [];

    public RecordedHttpHandler Answer(string pathAndQueryPrefix, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        // Compared unescaped: System.Uri may or may not re-escape reserved characters of a query it was given.
        _answers.Add((u => Uri.UnescapeDataString(u.PathAndQuery).StartsWith(Uri.UnescapeDataString(pathAndQueryPrefix), StringComparison.Ordinal), status, json));
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (Requests)
        {
            Requests.Add(uri);
        }

        var (_, status, body) = _answers.FirstOrDefault(a => a.Match(uri));
        var response = body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("404 page not found") }
            : new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return Task.FromResult(response);
    }
}
