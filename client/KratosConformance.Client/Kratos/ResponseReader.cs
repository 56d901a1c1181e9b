using System.Text.Json.Nodes;

namespace KratosConformance.Client.Kratos;

/// <summary>Turns a recorded exchange into a <see cref="KratosResponse"/>: a body is a flow, an error, a session, or a
/// login result ({session, session_token, continue_with}); anything else stays in Body.</summary>
internal static class ResponseReader
{
    public static KratosResponse Read(RecordedExchange exchange)
    {
        var body = exchange.Body;
        var sessionJson = KratosJson.Obj(body, "session") ?? (Session.LooksLikeSession(body) ? (JsonObject)body! : null);
        return new KratosResponse
        {
            Status = exchange.Status,
            RequestLine = exchange.RequestLine,
            Location = exchange.Location,
            Flow = LoginFlow.TryParse(body),
            Error = KratosError.TryParse(body),
            Session = sessionJson is null ? null : Session.Parse(sessionJson),
            SessionToken = KratosJson.Str(body, "session_token"),
            Body = body,
            ContinueWith = KratosJson.Arr(body, "continue_with"),
            TranscriptFile = exchange.TranscriptFile,
            BodyText = exchange.BodyText,
            Headers = exchange.Headers,
        };
    }

    /// <summary>The redirect response, with the flow or error that the follow-up fetch found.</summary>
    public static KratosResponse WithFollowUp(KratosResponse redirect, KratosResponse followUp) => new()
    {
        Status = redirect.Status,
        RequestLine = redirect.RequestLine,
        Location = redirect.Location,
        Flow = followUp.Flow,
        Error = followUp.Error ?? (KratosError.LooksLikeError(followUp.Body) ? null : StoredError(followUp)),
        Session = redirect.Session,
        SessionToken = redirect.SessionToken,
        Body = redirect.Body,
        ContinueWith = redirect.ContinueWith,
        TranscriptFile = redirect.TranscriptFile,
        FollowUp = followUp,
        BodyText = redirect.BodyText,
        Headers = redirect.Headers,
    };

    // /self-service/errors?id= answers {"id":…,"error":{…}}, which Error already reads; this covers a deployment that
    // answers the stored error without the envelope.
    private static KratosError? StoredError(KratosResponse followUp) =>
        followUp.Flow is null && followUp.Body is JsonObject o && o["code"] is not null && o["message"] is not null
            ? KratosError.Parse(o)
            : null;
}
