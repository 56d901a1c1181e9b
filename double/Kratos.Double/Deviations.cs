using Kratos.Double.Config;

namespace Kratos.Double;

/// <summary>
/// Named misbehaviours the double can be switched into (env <c>KRATOS_DOUBLE_DEVIATIONS</c>). Each is a regression a
/// Kratos version or a misconfiguration could plausibly show. <see cref="All"/> lists those a suite catches (the kill
/// matrix runs every one of them): the emailed code's (<see cref="CodeMfa"/>) and the other factors' and settings'
/// (<see cref="Factors"/>); <see cref="AwaitingSuites"/> those whose suites are still to be written (accepted by
/// name, not in the kill matrix). The names live in the configuration layer so request handlers below the host can
/// test them.
/// </summary>
public static class Deviations
{
    public const string WrongCodeMessageId = DeviationNames.WrongCodeMessageId;
    public const string RefreshMissing1010003 = DeviationNames.RefreshMissing1010003;
    public const string Aal2Missing1010004 = DeviationNames.Aal2Missing1010004;
    public const string ResendKeepsOldCode = DeviationNames.ResendKeepsOldCode;
    public const string NoAttemptLimit = DeviationNames.NoAttemptLimit;
    public const string SessionStaysAal1 = DeviationNames.SessionStaysAal1;
    public const string ForeignFlowCodeAccepted = DeviationNames.ForeignFlowCodeAccepted;
    public const string CsrfNotEnforced = DeviationNames.CsrfNotEnforced;
    public const string WhoamiIgnoresRequiredAal = DeviationNames.WhoamiIgnoresRequiredAal;
    public const string StateStuckChooseMethod = DeviationNames.StateStuckChooseMethod;
    public const string AddressLabelMissing = DeviationNames.AddressLabelMissing;
    public const string CodeMailNeverSent = DeviationNames.CodeMailNeverSent;
    public const string CodeWrongLength = DeviationNames.CodeWrongLength;
    public const string SpaSent200 = DeviationNames.SpaSent200;
    public const string AmrLacksCode = DeviationNames.AmrLacksCode;
    public const string SessionIdChanges = DeviationNames.SessionIdChanges;
    public const string MissingCodeCounted = DeviationNames.MissingCodeCounted;
    public const string ReplayAccepted = DeviationNames.ReplayAccepted;
    public const string ExpiredCodeAccepted = DeviationNames.ExpiredCodeAccepted;
    public const string NoSessionAal2Allowed = DeviationNames.NoSessionAal2Allowed;
    public const string AddressNotVerified = DeviationNames.AddressNotVerified;
    public const string AuthenticatedAtNotRefreshed = DeviationNames.AuthenticatedAtNotRefreshed;
    public const string SessionTokenChanges = DeviationNames.SessionTokenChanges;
    public const string CsrfKeptAtLogin = DeviationNames.CsrfKeptAtLogin;
    public const string UpgradeDropsTotp = DeviationNames.UpgradeDropsTotp;
    public const string UpgradeLosesVerifiedFlags = DeviationNames.UpgradeLosesVerifiedFlags;
    public const string UpgradeInvalidatesSessions = DeviationNames.UpgradeInvalidatesSessions;
    public const string UpgradeLeavesSchemaBehind = DeviationNames.UpgradeLeavesSchemaBehind;
    public const string UpgradeDropsWebAuthn = DeviationNames.UpgradeDropsWebAuthn;

    /// <summary>Every deviation a suite catches, with a one-line description, in the order <c>kratos-double deviations</c> prints.</summary>
    public static IReadOnlyList<(string Name, string Description)> All => DeviationNames.All;

    /// <summary>The emailed code's deviations (caught by the login.code-mfa suites).</summary>
    public static IReadOnlyList<(string Name, string Description)> CodeMfa => DeviationNames.CodeMfa;

    /// <summary>TOTP, lookup-secret and settings/AAL deviations (caught by the factor suites; in <see cref="All"/>).</summary>
    public static IReadOnlyList<(string Name, string Description)> Factors => DeviationNames.Factors;

    /// <summary>Deviations whose suites are not written yet: the double accepts them by name (none at present).</summary>
    public static IReadOnlyList<(string Name, string Description)> AwaitingSuites => DeviationNames.AwaitingSuites;

    /// <summary>Deviations of <c>migrate sql</c> that only an upgrade with data shows (caught by <c>kc upgrade</c>, not the kill matrix).</summary>
    public static IReadOnlyList<(string Name, string Description)> Upgrade => DeviationNames.Upgrade;
}
