using System.Net;
using System.Text;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// A login "UI" that is one fixed HTML page on 127.0.0.1, served for every path: a UI as a developer's first draft
/// may be, rendering some of Kratos's nodes and missing others. Kratos redirects to its /login?flow=… as to any UI.
/// </summary>
internal sealed class StaticUi : IDisposable
{
    private readonly HttpListener _listener;
    private readonly byte[] _page;

    private StaticUi(HttpListener listener, Uri baseUrl, string html)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _page = Encoding.UTF8.GetBytes(html);
        _ = ServeAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>Serves <paramref name="html"/> at <paramref name="baseUrl"/> (http://127.0.0.1:port/) until disposed.</summary>
    public static StaticUi Start(Uri baseUrl, string html)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add(baseUrl.AbsoluteUri);
        listener.Start();
        return new StaticUi(listener, baseUrl, html);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = _page.Length;
            try
            {
                await response.OutputStream.WriteAsync(_page);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The browser went away mid-answer: nothing to serve to.
            }
        }
    }

    public void Dispose()
    {
        // Closing ends the pending GetContextAsync, so the serving loop returns on its own; nothing to wait for.
        _listener.Close();
    }
}
