using System.Text.Json.Nodes;
using FluentAssertions;
using Kratos.Double.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.Tests.Storage;

/// <summary>
/// TOTP and lookup credentials, settings flows (with the key in their internal context) survive a restart of a SQLite
/// double, and sit in identity_credentials in Kratos's own config shape, so a later migration between versions reads
/// what Kratos would have written.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FactorStorageTests
{
    [Test]
    public async Task Credentials_and_settings_flows_survive_a_restart_in_kratos_shape()
    {
        await using var harness = await DoubleHarness.StartAsync(yaml: DoubleConfigs.Factors(code: false), store: DoubleStore.Sqlite);
        var email = $"stored-{Guid.NewGuid():N}@example.com";
        var id = (await harness.CreateIdentityAsync(email))["id"]!.GetValue<string>();
        using var actor = harness.NewActor();
        actor.Style = ClientStyle.Native;
        await actor.PasswordLoginAsync(email);
        var codes = await Factors.EnrolLookupAsync(actor);
        var login = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        (await actor.SubmitAsync(login, ("method", "lookup_secret"), ("lookup_secret", codes[0]))).Code.Should().Be(200);
        var pending = (await actor.CreateSettingsFlowAsync()).Body!;

        await harness.RestartAsync();

        var enrolled = await actor.SubmitSettingsAsync(pending, ("method", "totp"), ("totp_code", TotpCodes.At(Factors.TotpSecret(pending))));
        enrolled.Body!["state"]!.GetValue<string>().Should().Be("success", "the key kept in the flow's internal context outlived the restart: {0}", enrolled);
        var again = (await actor.CreateLoginFlowAsync("aal=aal2&refresh=true")).Body!;
        var used = await actor.SubmitAsync(again, ("method", "lookup_secret"), ("lookup_secret", codes[0]));
        FlowJson.MessageIds(used.Body).Should().Equal([4000012L], "used_at was stored ({0})", used);

        var rows = Credentials(harness.Dsn!, id);
        rows.Keys.Should().BeEquivalentTo(["password", "code", "totp", "lookup_secret"]);
        rows["totp"].Config.Select(p => p.Key).Should().Equal(["totp_url"]);
        rows["totp"].Config["totp_url"]!.GetValue<string>().Should().StartWith("otpauth://totp/Kratos%20Double:" + id + "?algorithm=SHA1&digits=6&issuer=Kratos%20Double&period=30&secret=");
        rows["totp"].Identifiers.Should().Equal([id]);
        var recovery = rows["lookup_secret"].Config["recovery_codes"]!.AsArray();
        recovery.Select(c => string.Join(',', c!.AsObject().Select(p => p.Key))).Should().AllBe("code,used_at");
        recovery[0]!["used_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", "used_at is UTC, whole seconds");
        recovery.Skip(1).Should().AllSatisfy(c => c!["used_at"].Should().BeNull());
        rows["lookup_secret"].Identifiers.Should().Equal([id]);
    }

    private static Dictionary<string, (JsonObject Config, List<string> Identifiers)> Credentials(string dsn, string identityId)
    {
        var path = dsn["sqlite://".Length..].Split('?')[0];
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.type, c.config, i.identifier FROM identity_credentials c
            LEFT JOIN identity_credential_identifiers i ON i.identity_credential_id = c.id WHERE c.identity_id = $id
            """;
        command.Parameters.AddWithValue("$id", identityId);
        var result = new Dictionary<string, (JsonObject, List<string>)>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var type = reader.GetString(0);
            if (!result.TryGetValue(type, out var entry))
            {
                entry = ((JsonObject)JsonNode.Parse(reader.GetString(1))!, []);
                result[type] = entry;
            }

            if (!reader.IsDBNull(2))
            {
                entry.Item2.Add(reader.GetString(2));
            }
        }

        return result;
    }
}
