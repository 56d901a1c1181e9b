using KratosConformance.Client.Kratos;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// Checks on version B what A left: B's schema is fully migrated (/admin/health/ready, Kratos's HealthHandler), every
/// seeded user completes every factor they had on A (the security key with the authenticator A registered, its counter
/// carried on; the SMS code to the phone), used backup codes stay used, credentials, verified flags, the phone as code
/// address and the WebAuthn credential's stored shape are as A showed them, A's sessions answer whoami as they did on A, and the login A left in flight continues: the code A
/// mailed completes it (Kratos's migrations between these versions keep login flows and codes, docs/kratos-facts.md).
/// Each check is one <see cref="UpgradeFinding"/>; nothing stops at the first difference.
/// </summary>
public sealed class UpgradeVerifier(FactorSteps steps, KratosAdminClient admin)
{
    public async Task<IReadOnlyList<UpgradeFinding>> VerifyAsync(SeededPopulation population, string fromVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(population);
        var findings = new List<UpgradeFinding>();
        var ready = await admin.GetHealthReadyAsync(ct).ConfigureAwait(false);
        findings.Add(new UpgradeFinding("database", "schema migrated (/admin/health/ready)", $"migrated by {fromVersion}", Describe(ready), ready.Status == 200,
            ready.Status == 200 ? null : "B still has migrations pending after its migrate sql: the schema was left behind"));

        // What the admin API stores is read before any login on B: a code login marks its address verified (spec §2.14).
        foreach (var person in population.Identities)
        {
            findings.AddRange(await StoredAsync(person, ct).ConfigureAwait(false));
        }

        findings.Add(await InFlightAsync(population.InFlight, ct).ConfigureAwait(false));
        foreach (var session in population.Sessions)
        {
            using var client = steps.Driver.NewClient(ClientStyle.Native);
            client.UseSessionToken(session.Token);
            var after = SessionObservation.Of(await client.WhoAmIAsync(ct).ConfigureAwait(false));
            var same = after with { SessionId = after.SessionId ?? session.Before.SessionId } == session.Before;
            findings.Add(new UpgradeFinding($"{session.Role} of {session.Identity.Role}", $"whoami (issued at {session.IssuedAal})", session.Before.ToString(), after.ToString(), same,
                same ? null : "the session A issued does not answer on B as it did on A"));
        }

        foreach (var person in population.Identities)
        {
            foreach (var factor in person.Factors)
            {
                findings.Add(await FactorAsync(person, factor, ct).ConfigureAwait(false));
            }
        }

        return findings;
    }

    private async Task<IEnumerable<UpgradeFinding>> StoredAsync(SeededIdentity person, CancellationToken ct)
    {
        var before = person.Before!;
        var after = await UpgradeSeeder.SnapshotAsync(admin, person, ct).ConfigureAwait(false);
        var rows = new List<UpgradeFinding>
        {
            new(person.Role, "credentials (admin API)", before.CredentialsText, after.CredentialsText, before.CredentialTypes.SequenceEqual(after.CredentialTypes),
                before.CredentialTypes.SequenceEqual(after.CredentialTypes) ? null : "B lists other credentials than A did"),
        };
        foreach (var address in before.Verified.Keys.Order(StringComparer.Ordinal))
        {
            var same = before.VerifiedText(address) == after.VerifiedText(address);
            rows.Add(new(person.Role, "address " + address, before.VerifiedText(address), after.VerifiedText(address), same, same ? null : "the address's verified flag changed in the upgrade"));
        }

        if (person.Phone is { } phone)
        {
            var same = before.CodeAddressText(phone) == after.CodeAddressText(phone);
            rows.Add(new(person.Role, "phone " + phone, before.CodeAddressText(phone), after.CodeAddressText(phone), same, same ? null : "the phone is no longer a code address after the upgrade"));
        }

        if (person.KeyBefore is { } keyBefore)
        {
            var keyAfter = await UpgradeSeeder.KeyAsync(admin, person, ct).ConfigureAwait(false);
            var kept = keyBefore.SameAs(keyAfter);
            rows.Add(new(person.Role, "webauthn credential (admin API, include_credential=webauthn)", keyBefore.ToString(), keyAfter.ToString(), kept,
                kept ? null
                : keyAfter.Stored.Length == 0 ? "B no longer has the WebAuthn credential A stored"
                : keyAfter.Missing.Count > 0 ? "the WebAuthn credential is not in Kratos's shape after the upgrade (factors spec §5.6)"
                : "B stores another WebAuthn credential than A did"));
        }

        return rows;
    }

    private async Task<UpgradeFinding> FactorAsync(SeededIdentity person, string factor, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(person, factor, ct).ConfigureAwait(false);
        }
        catch (UpgradeStepException e)
        {
            return new UpgradeFinding(person.Role, factor, "completed on A", "could not be tried: " + e.Message, false, "the factor the user had on A does not work on B");
        }
    }

    private async Task<UpgradeFinding> AttemptAsync(SeededIdentity person, string factor, CancellationToken ct)
    {
        var (client, first) = await steps.PasswordAsync(person, ct).ConfigureAwait(false);
        using (client)
        {
            if (factor == UpgradeSeeder.Password || !FactorSteps.SignedIn(first))
            {
                return Completed(person, factor == UpgradeSeeder.Password ? factor : factor + " (after the password)", first, expectSuccess: true, FactorSteps.SignedIn(first));
            }

            if (factor == UpgradeSeeder.Totp)
            {
                return Completed(person, factor, await steps.TotpAsync(client, person.TotpSecret!, ct).ConfigureAwait(false), expectSuccess: true);
            }

            if (factor == UpgradeSeeder.BackupCode)
            {
                var unused = person.BackupCodes.Except(person.UsedBackupCodes, StringComparer.Ordinal).First();
                return Completed(person, "unused backup code", await steps.BackupCodeAsync(client, unused, ct).ConfigureAwait(false), expectSuccess: true);
            }

            if (factor == UpgradeSeeder.UsedBackupCode)
            {
                return Completed(person, factor, await steps.BackupCodeAsync(client, person.UsedBackupCodes[0], ct).ConfigureAwait(false), expectSuccess: false);
            }

            if (factor == UpgradeSeeder.SecurityKey)
            {
                var key = person.Authenticator!;
                var done = Completed(person, factor, await steps.SecurityKeyAsync(client, key, ct).ConfigureAwait(false), expectSuccess: true);
                return done with
                {
                    Before = $"completed on A (the authenticator's sign counter at {person.CounterOnA})",
                    After = $"{done.After} with the same key, its sign counter at {key.Counter}",
                };
            }

            if (factor.StartsWith(UpgradeSeeder.SmsCodePrefix, StringComparison.Ordinal))
            {
                return Completed(person, factor, await steps.SmsCodeAsync(client, person.Phone!, ct).ConfigureAwait(false), expectSuccess: true);
            }

            var address = factor[(factor.LastIndexOf(' ') + 1)..];
            return Completed(person, factor, await steps.CodeAsync(client, address, ct).ConfigureAwait(false), expectSuccess: true);
        }
    }

    private async Task<UpgradeFinding> InFlightAsync(InFlightLogin inFlight, CancellationToken ct)
    {
        using var client = steps.Driver.NewClient(ClientStyle.Native);
        client.UseSessionToken(inFlight.Token);
        var fetched = await client.GetLoginFlowAsync(inFlight.FlowId, ct).ConfigureAwait(false);
        var before = $"flow {inFlight.StateBefore}, code mailed";
        if (fetched.Flow is not { } flow)
        {
            return new UpgradeFinding("in-flight login of " + inFlight.Identity.Role, "aal2 code login started on A", before, "flow: " + Describe(fetched), false,
                "B does not find the login flow A started");
        }

        var done = await steps.Driver.SubmitCodeAsync(client, flow, inFlight.Code, inFlight.Identity.Email, "submit the code A mailed", ct).ConfigureAwait(false);
        var passed = done.Status == 200 && done.Session?.Aal == "aal2";
        return new UpgradeFinding("in-flight login of " + inFlight.Identity.Role, "aal2 code login started on A", before,
            $"flow {flow.State}; the code A mailed: {Describe(done)}", passed, passed ? null : "the login A left in flight does not complete on B with the code A sent");
    }

    private static UpgradeFinding Completed(SeededIdentity person, string factor, KratosResponse answer, bool expectSuccess, bool? signedIn = null)
    {
        var succeeded = signedIn ?? answer.Status == 200;
        var before = expectSuccess ? "completed on A" : "used on A";
        var after = !succeeded ? "refused: " + Describe(answer)
            : answer.Status == 422 ? "completed (aal1 session; 422 browser_location_change_required to the aal2 login)"
            : $"completed ({answer.Session?.Aal ?? "session"})";
        return new UpgradeFinding(person.Role, factor, before, after, succeeded == expectSuccess,
            succeeded == expectSuccess ? null : expectSuccess ? "the factor the user had on A does not work on B" : "a backup code used on A is accepted again on B");
    }

    private static string Describe(KratosResponse answer)
    {
        if (answer.Status == 200)
        {
            return "200";
        }

        var parts = new List<string> { answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if ((answer.Error?.Id ?? answer.Error?.Reason) is { } error)
        {
            parts.Add(error);
        }

        if (answer.Flow?.MessageIds is { Count: > 0 } messageIds)
        {
            parts.Add("messages " + string.Join(",", messageIds));
        }

        return string.Join(' ', parts);
    }
}
