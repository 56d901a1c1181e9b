using KratosConformance.Client.Identities;
using KratosConformance.Suites.Checks;
using KratosConformance.Suites.Factors;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// Base of the TOTP and backup-code scenarios in a real browser (browser-ui): the code-MFA browser suite's UI, page and
/// checks on a factor's profile, plus the HTTP suites' <see cref="FactorSteps"/> for what a scenario sets up outside
/// the UI (a factor enrolled before a login scenario; the credential in the admin API). Settings pages are driven by
/// the same node contract as login pages (<see cref="LoginUi"/>).
/// </summary>
public abstract class FactorBrowserTest : CodeMfaBrowserTest
{
    private FactorSteps? _steps;

    /// <summary>The HTTP steps and checks over the scenario's deployment (after <see cref="StartFactorAsync"/>).</summary>
    protected FactorSteps Steps => _steps ?? throw new InvalidOperationException("StartFactorAsync first.");

    /// <summary>One browser-ui case of <c>&lt;flow&gt;.&lt;factor&gt;.&lt;scenario&gt;</c>.</summary>
    protected static TestCaseData Case(string flow, string factor, string scenario, string description) =>
        ConformanceCases.Case(ConformanceProperties.Qualified(flow, factor, scenario), Client, description, Client);

    /// <summary>The UI and deployment of <paramref name="profile"/> (not applicable where the target lacks it).</summary>
    protected async Task StartFactorAsync(string client, string profile)
    {
        await StartAsync(client, profile);
        _steps = new FactorSteps(Scope, Deployment, Expect);
    }

    /// <summary>
    /// Password sign-in through the UI of an identity without a second factor: aal1 is the highest it has, so the
    /// password ends the flow and the browser holds a session (factors spec §2.1, spec §4.2).
    /// </summary>
    protected async Task SignInAal1Async(TestIdentity identity)
    {
        await Ui.OpenAsync(string.Empty, "when opening a new login flow");
        Step($"sign in with the password of {identity.Email}");
        await Ui.SignInWithPasswordAsync(identity.Email, identity.Password);
        await Ui.ExpectSignedInAsync("after the password (no second factor yet: aal1 is the highest available, factors spec §2.1)");
    }

    /// <summary>The admin API's view of <paramref name="identity"/>'s <paramref name="type"/> credential, checked (factors spec §3.6, §4.5).</summary>
    protected async Task StoredAsync(TestIdentity identity, string type, bool present, string? totpSecret, string why)
    {
        var stored = await Steps.StoredAsync(identity, type, $"on GET /admin/identities/{{id}}?include_credential={type} after the settings UI");
        FactorChecks.CredentialIs(stored, identity.Id, type, present, totpSecret, why);
    }
}
