using KratosConformance.Client.Identities;
using KratosConformance.Client.Kratos;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// Seeds version A through its public and admin APIs only (what works against any Kratos): users with the emailed
/// code, two code addresses, the password only, TOTP, backup codes with two used, a WebAuthn security key (registered
/// by a SPA with the software authenticator, which the user keeps for B), a phone as SMS code address; live native
/// sessions at aal1 and aal2; and an aal2 login with a code sent and not submitted. Every factor is completed once on A, so a factor that
/// fails on B failed because of the upgrade. A step Kratos A does not complete ends the seeding with its answer.
/// </summary>
public sealed class UpgradeSeeder(FactorSteps steps, IdentityFactory identities, KratosAdminClient admin)
{
    public const string Password = "password";
    public const string Totp = "totp";
    public const string BackupCode = "backup code";
    public const string UsedBackupCode = "used backup code";
    public const string SecurityKey = "security key (WebAuthn)";
    public const string SmsCodePrefix = "SMS code to ";

    public static string Code(string address) => "code to " + address;

    public static string SmsCode(string phone) => SmsCodePrefix + phone;

    public async Task<SeededPopulation> SeedAsync(CancellationToken ct)
    {
        var people = new List<SeededIdentity>();
        var sessions = new List<SeededSession>();

        var emailCode = await NewAsync("email-code", secondAddress: false, ct).ConfigureAwait(false);
        var (emailClient, _) = await SignInAsync(emailCode, ct).ConfigureAwait(false);
        await CodeAsync(emailClient, emailCode, emailCode.Email, ct).ConfigureAwait(false);
        sessions.Add(await SessionAsync("aal2 session", emailCode, emailClient, "aal2", ct).ConfigureAwait(false));
        emailClient.Dispose();
        people.Add(emailCode);

        var two = await NewAsync("two-addresses", secondAddress: true, ct).ConfigureAwait(false);
        using (var first = (await SignInAsync(two, ct).ConfigureAwait(false)).Client)
        {
            await CodeAsync(first, two, two.Email, ct).ConfigureAwait(false);
        }

        using (var second = (await SignInAsync(two, ct).ConfigureAwait(false)).Client)
        {
            await CodeAsync(second, two, two.SecondEmail!, ct).ConfigureAwait(false);
        }

        people.Add(two);

        var passwordOnly = await NewAsync("password-only", secondAddress: false, ct).ConfigureAwait(false);
        var (passwordClient, _) = await SignInAsync(passwordOnly, ct).ConfigureAwait(false);
        sessions.Add(await SessionAsync("aal1 session", passwordOnly, passwordClient, "aal1", ct).ConfigureAwait(false));
        passwordClient.Dispose();
        people.Add(passwordOnly);

        var totp = await NewAsync("totp", secondAddress: false, ct).ConfigureAwait(false);
        using (var enrol = (await SignInAsync(totp, ct).ConfigureAwait(false)).Client)
        {
            await CodeAsync(enrol, totp, totp.Email, ct).ConfigureAwait(false);
            totp.TotpSecret = await steps.EnrolTotpAsync(enrol, ct).ConfigureAwait(false);
        }

        using (var login = (await SignInAsync(totp, ct).ConfigureAwait(false)).Client)
        {
            Require(await steps.TotpAsync(login, totp.TotpSecret, ct).ConfigureAwait(false), totp, Totp);
        }

        people.Add(totp);

        var backup = await NewAsync("backup-codes", secondAddress: false, ct).ConfigureAwait(false);
        using (var enrol = (await SignInAsync(backup, ct).ConfigureAwait(false)).Client)
        {
            await CodeAsync(enrol, backup, backup.Email, ct).ConfigureAwait(false);
            backup.BackupCodes = await steps.EnrolBackupCodesAsync(enrol, ct).ConfigureAwait(false);
        }

        backup.UsedBackupCodes = [.. backup.BackupCodes.Take(2)];
        foreach (var used in backup.UsedBackupCodes)
        {
            using var login = (await SignInAsync(backup, ct).ConfigureAwait(false)).Client;
            Require(await steps.BackupCodeAsync(login, used, ct).ConfigureAwait(false), backup, BackupCode);
        }

        backup.Factors.Add(UsedBackupCode);
        people.Add(backup);

        people.Add(await SeedSecurityKeyAsync(ct).ConfigureAwait(false));

        var sms = await NewAsync("sms", secondAddress: false, ct, phone: true).ConfigureAwait(false);
        using (var login = (await SignInAsync(sms, ct).ConfigureAwait(false)).Client)
        {
            Require(await steps.SmsCodeAsync(login, sms.Phone!, ct).ConfigureAwait(false), sms, SmsCode(sms.Phone!));
        }

        people.Add(sms);

        var waiting = await NewAsync("in-flight", secondAddress: false, ct).ConfigureAwait(false);
        var (waitingClient, _) = await SignInAsync(waiting, ct).ConfigureAwait(false);
        var (flow, code) = await steps.SendCodeAsync(waitingClient, waiting.Email, ct).ConfigureAwait(false);
        var inFlight = new InFlightLogin(waiting, waitingClient.SessionToken!, flow.Id, code, flow.State);
        waitingClient.Dispose();
        people.Add(waiting);

        foreach (var person in people)
        {
            person.Before = await SnapshotAsync(admin, person, ct).ConfigureAwait(false);
        }

        return new SeededPopulation(people, sessions, inFlight);
    }

    /// <summary>
    /// A SPA user who reached aal2 by the emailed code, registered a security key in settings and signed in with it
    /// once; the authenticator (private key, counter) stays with the seeded user, and A's admin view of the key with it.
    /// </summary>
    private async Task<SeededIdentity> SeedSecurityKeyAsync(CancellationToken ct)
    {
        var key = await NewAsync("webauthn", secondAddress: false, ct, style: ClientStyle.Spa).ConfigureAwait(false);
        key.Authenticator = new SoftwareAuthenticator();
        using (var enrol = (await SignInAsync(key, ct).ConfigureAwait(false)).Client)
        {
            await CodeAsync(enrol, key, key.Email, ct).ConfigureAwait(false);
            await steps.RegisterKeyAsync(enrol, key.Authenticator, ct).ConfigureAwait(false);
        }

        using (var login = (await SignInAsync(key, ct).ConfigureAwait(false)).Client)
        {
            Require(await steps.SecurityKeyAsync(login, key.Authenticator, ct).ConfigureAwait(false), key, SecurityKey);
        }

        key.CounterOnA = key.Authenticator.Counter;
        key.KeyBefore = await KeyAsync(admin, key, ct).ConfigureAwait(false);
        return key;
    }

    /// <summary>What the admin API shows of <paramref name="person"/>'s WebAuthn credential now (include_credential=webauthn).</summary>
    public static async Task<WebAuthnKeySnapshot> KeyAsync(KratosAdminClient admin, SeededIdentity person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(person);
        var answer = await admin.GetIdentityAsync(person.Id, "webauthn", ct).ConfigureAwait(false);
        return answer.Status == 200
            ? WebAuthnKeySnapshot.From(answer.Body)
            : new WebAuthnKeySnapshot($"{answer.Status} {answer.Error?.Id ?? answer.Error?.Reason}", string.Empty, ["the identity"]);
    }

    /// <summary>What the admin API says of <paramref name="person"/> now.</summary>
    public static async Task<IdentitySnapshot> SnapshotAsync(KratosAdminClient admin, SeededIdentity person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(person);
        var answer = await admin.GetIdentityAsync(person.Id, ct).ConfigureAwait(false);
        return answer.Status == 200 && answer.Body is System.Text.Json.Nodes.JsonObject identity
            ? IdentitySnapshot.From(identity)
            : new IdentitySnapshot([], new Dictionary<string, bool>(), $"{answer.Status} {answer.Error?.Id ?? answer.Error?.Reason}");
    }

    private async Task<SeededIdentity> NewAsync(string role, bool secondAddress, CancellationToken ct, bool phone = false, ClientStyle style = ClientStyle.Native)
    {
        var made = secondAddress ? await identities.CreateWithSecondAddressAsync("upgrade." + role, ct).ConfigureAwait(false)
            : phone ? await identities.CreateWithPhoneAsync("upgrade." + role, ct).ConfigureAwait(false)
            : await identities.CreateAsync("upgrade." + role, ct).ConfigureAwait(false);
        return new SeededIdentity
        {
            Role = role, Id = made.Id, Email = made.Email, Password = made.Password, SecondEmail = made.SecondEmail, Phone = made.Phone, Style = style,
        };
    }

    private async Task<(KratosClient Client, KratosResponse Answer)> SignInAsync(SeededIdentity person, CancellationToken ct)
    {
        var (client, answer) = await steps.PasswordAsync(person, ct).ConfigureAwait(false);
        if (!FactorSteps.SignedIn(answer))
        {
            throw new UpgradeStepException($"seeding on A: {person.Role} ({person.Email}) could not sign in with {Password}: {answer.Describe()}");
        }

        Add(person, Password);
        return (client, answer);
    }

    private async Task CodeAsync(KratosClient client, SeededIdentity person, string address, CancellationToken ct) =>
        Require(await steps.CodeAsync(client, address, ct).ConfigureAwait(false), person, Code(address));

    private async Task<SeededSession> SessionAsync(string role, SeededIdentity person, KratosClient client, string aal, CancellationToken ct)
    {
        var whoami = await client.WhoAmIAsync(ct).ConfigureAwait(false);
        return new SeededSession(role, person, client.SessionToken!, aal, SessionObservation.Of(whoami));
    }

    private static void Require(KratosResponse answer, SeededIdentity person, string factor)
    {
        if (answer.Status != 200 || answer.SessionToken is null && answer.Session is null)
        {
            throw new UpgradeStepException($"seeding on A: {person.Role} ({person.Email}) could not sign in with {factor}: {answer.Describe()}");
        }

        Add(person, factor);
    }

    private static void Add(SeededIdentity person, string factor)
    {
        if (!person.Factors.Contains(factor, StringComparer.Ordinal))
        {
            person.Factors.Add(factor);
        }
    }
}
