namespace Kratos.Double.Model;

/// <summary>identity/credentials_lookup.go RecoveryCode: the code and when it was used (null while unused).</summary>
internal sealed record RecoveryCode(string Code, DateTimeOffset? UsedAt);
