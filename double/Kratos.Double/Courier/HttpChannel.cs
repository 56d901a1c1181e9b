using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Courier.Jsonnet;
using Kratos.Double.Model;

namespace Kratos.Double.Courier;

/// <summary>
/// courier/http_channel.go Dispatch over request/builder.go: the body is the channel's Jsonnet template run with
/// <c>ctx</c> (httpDataModel: recipient, subject, body, template_type, template_data, message_type, and from v26.2.0
/// request_headers; html_body only for emails from v25.4.0), sent with the configured method, headers (Content-Type
/// application/json unless set) and auth; any 2xx is success, anything else an error the courier retries. One attempt
/// has a 10-s connection timeout (v26.2.0: ResilientClientWithMaxRetry(0), ConnectionTimeout 10 s).
/// </summary>
internal static class HttpChannel
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), UseCookies = false, AllowAutoRedirect = false });

    public static async Task DispatchAsync(DoubleConfig config, CourierMessage message, CancellationToken cancellationToken)
    {
        // courier_dispatcher.go channels(): the message's channel id must name a configured channel.
        var channel = config.CourierChannels.FirstOrDefault(c => c.Id == message.Type)
            ?? throw new InvalidOperationException($"no courier channels configured for: {message.Type}");
        if (channel.Type != "http")
        {
            throw new InvalidOperationException($"unknown courier channel type: {channel.Type}");
        }

        if (channel.Template is null)
        {
            throw new InvalidOperationException("got empty template path for request with body");
        }

        using var request = new HttpRequestMessage(new HttpMethod(channel.Method), channel.Url);
        var contentType = channel.Headers.LastOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "application/json";
        if (!channel.Method.Equals("TRACE", StringComparison.OrdinalIgnoreCase))
        {
            request.Content = Body(channel.Template, Context(config, message), contentType);
        }

        foreach (var (name, value) in channel.Headers.Where(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        ApplyAuth(request, channel.Auth);
        using var response = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is < 200 or >= 300)
        {
            throw new InvalidOperationException($"unable to dispatch mail delivery because upstream server replied with status code {(int)response.StatusCode}");
        }
    }

    /// <summary>The template's ctx for this message and version (http_channel.go httpDataModel, factors spec §10.3, §10.6).</summary>
    public static JsonObject Context(DoubleConfig config, CourierMessage message)
    {
        var ctx = new JsonObject
        {
            ["recipient"] = message.Recipient,
            ["subject"] = message.Subject,
            ["body"] = message.Body,
            ["template_type"] = message.TemplateType,
            ["template_data"] = message.TemplateData?.DeepClone() ?? new JsonObject(),
            ["message_type"] = message.Type,
        };
        if (config.IsAtLeast(EmulatedVersion.V26_2_0))
        {
            // RequestHeaders json.RawMessage without omitempty; QueueSMS stores the allow-listed headers.
            ctx["request_headers"] = new JsonObject();
        }

        return ctx;
    }

    private static HttpContent Body(JsonnetTemplate template, JsonObject ctx, string contentType)
    {
        switch (contentType)
        {
            case "application/x-www-form-urlencoded":
                // addURLEncodedBody: the result must be a flat object of strings; url.Values.Encode sorts by key.
                if (template.Evaluate(ctx) is not JsonnetObject form || form.Fields.Any(f => !f.Value.Hidden && f.Value.Value is not string))
                {
                    throw new InvalidOperationException("json: cannot unmarshal the template's result into map[string]string");
                }

                var pairs = form.Fields.Where(f => !f.Value.Hidden).OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => Uri.EscapeDataString(f.Key).Replace("%20", "+", StringComparison.Ordinal) + "=" + Uri.EscapeDataString((string)f.Value.Value!).Replace("%20", "+", StringComparison.Ordinal));
                return Content(string.Join('&', pairs), contentType);
            case "application/json":
                return Content(template.Render(ctx), contentType);
            default:
                throw new InvalidOperationException("invalid config - incorrect Content-Type for request with body");
        }
    }

    private static ByteArrayContent Content(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>request/auth.go: basic auth as an Authorization header, an API key as a header or a cookie.</summary>
    private static void ApplyAuth(HttpRequestMessage request, CourierChannelAuth? auth)
    {
        switch (auth)
        {
            case { Type: "basic_auth" }:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.User}:{auth.Password}")));
                break;
            case { Type: "api_key", In: "cookie" }:
                request.Headers.TryAddWithoutValidation("Cookie", $"{auth.Name}={auth.Value}");
                break;
            case { Type: "api_key" }:
                request.Headers.TryAddWithoutValidation(auth.Name ?? string.Empty, auth.Value);
                break;
        }
    }
}
