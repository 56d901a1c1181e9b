namespace KratosConformance.Client.Kratos;

/// <summary>The three ways a client can drive Kratos's self-service flows; Kratos answers each differently (spec §3).</summary>
public enum ClientStyle
{
    /// <summary>Server-rendered browser app: form posts, 303 redirects, cookies.</summary>
    Browser,
    /// <summary>Single-page app: browser flow with Accept: application/json and cookies; errors as 4xx JSON.</summary>
    Spa,
    /// <summary>Native app: /self-service/login/api, JSON, X-Session-Token, no cookies.</summary>
    Native,
}
