namespace KratosConformance.Bench;

/// <summary>
/// The seed scenarios the per-flow figures are taken on (issue 5, scenarios 1–4): together they cover every request
/// shape of a code-MFA login (create, send, resend, wrong code, right code, whoami).
/// </summary>
public static class SeedScenarios
{
    public const string Aal2 = "aal2";
    public const string Aal2Refresh = "aal2-refresh";
    public const string Resend = "resend";
    public const string WrongCode = "wrong-code";

    public static IReadOnlyList<string> All { get; } = [Aal2, Aal2Refresh, Resend, WrongCode];
}
