namespace KratosConformance.Client.Kratos;

/// <summary>One entry of a session's <c>authentication_methods</c>; a code-MFA login ends with password/aal1 then
/// code/aal2 (spec §2.14).</summary>
public sealed record AuthenticationMethod(string Method, string Aal, DateTimeOffset? CompletedAt);
