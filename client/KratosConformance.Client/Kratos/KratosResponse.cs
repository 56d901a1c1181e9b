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

    public bool IsRedirect => Status is >= 300 and < 400;

    /// <summary>One line for failure messages: request line plus what came back.</summary>
    public string Describe() => FlowDescription.Describe(this);

    public override string ToString() => Describe();
}
