using Kratos.Double.Courier.Jsonnet;

namespace Kratos.Double.Config;

/// <summary>
/// One entry of <c>courier.channels</c> (embedx/config.schema.json <c>courier.channels</c> and
/// <c>definitions.httpRequestConfig</c>; courier/courier_dispatcher.go <c>channels</c>): the channel a message goes
/// through when its <c>channel</c> equals <see cref="Id"/> (only <c>sms</c> exists), of <see cref="Type"/> http.
/// </summary>
internal sealed record CourierChannel
{
    public required string Id { get; init; }

    /// <summary>Only <c>http</c> works; anything else (or nothing) fails each dispatch: "unknown courier channel type: …".</summary>
    public required string? Type { get; init; }

    public required string Url { get; init; }

    /// <summary>request_config.method, POST by default (the schema's default).</summary>
    public required string Method { get; init; }

    /// <summary>request_config.headers as configured; Content-Type defaults to application/json (request/builder.go NewBuilder).</summary>
    public required IReadOnlyList<(string Name, string Value)> Headers { get; init; }

    /// <summary>request_config.body, the template's URI; null makes every dispatch fail ("got empty template path for request with body").</summary>
    public required string? BodyUri { get; init; }

    public required JsonnetTemplate? Template { get; init; }

    /// <summary>request_config.auth: basic_auth (user, password) or api_key (name, value, in header|cookie); null without.</summary>
    public required CourierChannelAuth? Auth { get; init; }
}

/// <summary>request_config.auth (request/auth.go authStrategy).</summary>
internal sealed record CourierChannelAuth(string Type, string? User, string? Password, string? Name, string? Value, string? In);
