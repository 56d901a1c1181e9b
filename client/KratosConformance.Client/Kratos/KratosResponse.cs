using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// What one client call got back, already interpreted: the flow (from the body, or fetched after a browser redirect to
/// the login UI), the error (from the body, or fetched from /self-service/errors after a redirect to the error UI),
/// the session and token of a successful login. <see cref="RequestLine"/> and <see cref="TranscriptFile"/> say which
/// exchange it was, for failure messages.
/// </summary>
public sealed class KratosResponse
{
    public int Status { get; init; }
    /// <summary>"POST /self-service/login?flow=6b1c… -> 400" (flow and id values shortened).</summary>
    public string RequestLine { get; init; } = string.Empty;
    /// <summary>The raw Location header of a 3xx.</summary>
    public string? Location { get; init; }
    public LoginFlow? Flow { get; init; }
    public KratosError? Error { get; init; }
    public Session? Session { get; init; }
    /// <summary>session_token of a native login response.</summary>
    public string? SessionToken { get; init; }
    public JsonNode? Body { get; init; }
    public JsonArray? ContinueWith { get; init; }
    /// <summary>Evidence file of this exchange, e.g. 0007-post-login.txt.</summary>
    public string? TranscriptFile { get; init; }
    /// <summary>The follow-up exchange the client made on its own (flow or error fetched after a browser redirect).</summary>
    public KratosResponse? FollowUp { get; init; }
    /// <summary>The raw body text (unmasked; never written anywhere by the harness).</summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary>Every response header (Set-Cookie one entry per cookie), unmasked; never written anywhere by the harness.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The Content-Type header, or null.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>Each Set-Cookie header of the response, parsed; empty when it set none.</summary>
    public IReadOnlyList<SetCookie> SetCookies =>
        Headers.Where(h => string.Equals(h.Key, "Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => SetCookie.Parse(h.Value)).ToList();

    public bool IsRedirect => Status is >= 300 and < 400;

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } header ? header.Value : null;

    /// <summary>One line for failure messages: request line plus what came back.</summary>
    public string Describe() => FlowDescription.Describe(this);

    public override string ToString() => Describe();
}
