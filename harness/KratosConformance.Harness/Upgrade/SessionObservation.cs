using KratosConformance.Client.Kratos;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// What whoami answered for a session token: the status, Kratos's error id (an aal1 session of a user with aal2
/// available gets 403 session_aal2_required at whoami.required_aal highest_available: the session is alive) and the
/// session's AAL. Equal observations before and after the upgrade mean the session survived as it was.
/// </summary>
public sealed record SessionObservation(int Status, string? ErrorId, string? Aal, string? SessionId)
{
    public static SessionObservation Of(KratosResponse whoami)
    {
        ArgumentNullException.ThrowIfNull(whoami);
        return new SessionObservation(whoami.Status, whoami.Error?.Id, whoami.Session?.Aal, whoami.Session?.Id);
    }

    public override string ToString() =>
        Status == 200 ? $"200 active, {Aal}" : $"{Status} {ErrorId ?? "(no error id)"}";
}
