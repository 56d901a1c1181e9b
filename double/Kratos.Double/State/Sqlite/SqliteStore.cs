using System.Text.Json.Nodes;
using Kratos.Double.Model;
using Microsoft.Data.Sqlite;

namespace Kratos.Double.State.Sqlite;

/// <summary>
/// State in a SQLite file (a sqlite:// DSN), in the tables <see cref="Migrations.DoubleMigrations"/> creates: what one
/// serve wrote, the next serve on the same file reads. One connection, used under <see cref="Gate"/> only; every save
/// writes through, so a killed process loses nothing it had answered.
/// </summary>
internal sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;

    private bool _identifiersCarryIdentityId;

    public SqliteStore(SqliteConnection connection) => _connection = connection;

    public Lock Gate { get; } = new();

    /// <summary>Opens (creating the file if needed, as Kratos's sqlite driver does) without touching the schema.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, ForeignKeys = true,
        }.ToString());
        connection.Open();
        return connection;
    }

    public void AddIdentity(Identity identity) => SaveIdentity(identity);

    public void SaveIdentity(Identity identity)
    {
        using var tx = _connection.BeginTransaction();
        Exec(tx, "DELETE FROM identities WHERE id = $id", ("$id", identity.Id));
        Exec(tx, """
            INSERT INTO identities (id, schema_id, schema_url, traits, state, metadata_public, metadata_admin, created_at, updated_at)
            VALUES ($id, $schema_id, $schema_url, $traits, $state, $mp, $ma, $created, $updated)
            """,
            ("$id", identity.Id), ("$schema_id", identity.SchemaId), ("$schema_url", identity.SchemaUrl), ("$traits", identity.Traits.ToJsonString()),
            ("$state", identity.State), ("$mp", identity.MetadataPublic?.ToJsonString()), ("$ma", identity.MetadataAdmin?.ToJsonString()),
            ("$created", Row.Time(identity.CreatedAt)), ("$updated", Row.Time(identity.UpdatedAt)));
        if (identity.Password is not null)
        {
            InsertCredential(tx, identity, "password", 0, new JsonObject { ["password"] = identity.Password }, identity.PasswordIdentifiers);
        }

        if (identity.CodeAddresses.Count > 0)
        {
            var addresses = new JsonArray(identity.CodeAddresses.Select(a => (JsonNode)new JsonObject { ["channel"] = a.Channel, ["address"] = a.Address }).ToArray());
            InsertCredential(tx, identity, "code", 1, new JsonObject { ["addresses"] = addresses }, identity.CodeAddresses.Select(a => a.Address));
        }

        if (identity.Totp is { } totp)
        {
            InsertCredential(tx, identity, "totp", 0, totp.Config(), [identity.Id.ToString()], totp.CreatedAt, totp.UpdatedAt);
        }

        if (identity.Lookup is { } lookup)
        {
            InsertCredential(tx, identity, "lookup_secret", 0, lookup.Config(), [identity.Id.ToString()], lookup.CreatedAt, lookup.UpdatedAt);
        }

        if (identity.WebAuthn is { } webAuthn)
        {
            InsertCredential(tx, identity, "webauthn", 1, webAuthn.Config(), webAuthn.Identifiers, webAuthn.CreatedAt, webAuthn.UpdatedAt);
        }

        foreach (var a in identity.VerifiableAddresses)
        {
            Exec(tx, """
                INSERT INTO identity_verifiable_addresses (id, identity_id, value, via, verified, status, verified_at, created_at, updated_at)
                VALUES ($id, $identity, $value, $via, $verified, $status, $verified_at, $created, $updated)
                """,
                ("$id", a.Id), ("$identity", identity.Id), ("$value", a.Value), ("$via", a.Via), ("$verified", a.Verified), ("$status", a.Status),
                ("$verified_at", a.VerifiedAt is { } at ? Row.Time(at) : null), ("$created", Row.Time(a.CreatedAt)), ("$updated", Row.Time(a.UpdatedAt)));
        }

        foreach (var (id, value, via) in identity.RecoveryAddresses)
        {
            Exec(tx, "INSERT INTO identity_recovery_addresses (id, identity_id, value, via) VALUES ($id, $identity, $value, $via)",
                ("$id", id), ("$identity", identity.Id), ("$value", value), ("$via", via));
        }

        tx.Commit();
    }

    public void DeleteIdentity(Guid id) => Exec(null, "DELETE FROM identities WHERE id = $id", ("$id", id));

    public Identity? FindIdentity(Guid id) => ReadIdentities("WHERE id = $id", ("$id", id)).FirstOrDefault();

    public IReadOnlyList<Identity> ListIdentities() => ReadIdentities(string.Empty);

    public Identity? FindIdentityByCodeAddress(string address) => FindByIdentifier("code", address);

    public Identity? FindIdentityByPasswordIdentifier(string identifier) => FindByIdentifier("password", identifier);

    private Identity? FindByIdentifier(string type, string identifier) =>
        ReadIdentities("""
            WHERE id IN (SELECT c.identity_id FROM identity_credentials c
              JOIN identity_credential_identifiers i ON i.identity_credential_id = c.id WHERE c.type = $type AND i.identifier = $identifier)
            """, ("$type", type), ("$identifier", identifier)).FirstOrDefault();

    private void InsertCredential(
        SqliteTransaction tx, Identity identity, string type, int version, JsonObject config, IEnumerable<string> identifiers,
        DateTimeOffset? created = null, DateTimeOffset? updated = null)
    {
        var credentialId = Guid.NewGuid();
        Exec(tx, """
            INSERT INTO identity_credentials (id, identity_id, type, config, version, created_at, updated_at)
            VALUES ($id, $identity, $type, $config, $version, $created, $updated)
            """,
            ("$id", credentialId), ("$identity", identity.Id), ("$type", type), ("$config", config.ToJsonString()), ("$version", version),
            ("$created", Row.Time(created ?? identity.CreatedAt)), ("$updated", Row.Time(updated ?? identity.UpdatedAt)));
        foreach (var identifier in identifiers)
        {
            if (IdentifiersCarryIdentityId(tx))
            {
                Exec(tx, "INSERT INTO identity_credential_identifiers (id, identity_credential_id, identifier, identity_id) VALUES ($id, $credential, $identifier, $identity)",
                    ("$id", Guid.NewGuid()), ("$credential", credentialId), ("$identifier", identifier), ("$identity", identity.Id));
            }
            else
            {
                Exec(tx, "INSERT INTO identity_credential_identifiers (id, identity_credential_id, identifier) VALUES ($id, $credential, $identifier)",
                    ("$id", Guid.NewGuid()), ("$credential", credentialId), ("$identifier", identifier));
            }
        }
    }

    /// <summary>
    /// Whether the file has v26.2.0's identity_id column on identifiers (migration 20251104000000000000): a newer double
    /// serving a file migrated by an older version writes the older shape until the file is migrated. Once seen, the
    /// column stays (no migration removes it).
    /// </summary>
    private bool IdentifiersCarryIdentityId(SqliteTransaction tx)
    {
        if (_identifiersCarryIdentityId)
        {
            return true;
        }

        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('identity_credential_identifiers') WHERE name = 'identity_id'";
        _identifiersCarryIdentityId = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        return _identifiersCarryIdentityId;
    }

    private List<Identity> ReadIdentities(string where, params (string Name, object? Value)[] parameters)
    {
        var identities = Query(
            $"SELECT id, schema_id, schema_url, traits, state, metadata_public, metadata_admin, created_at, updated_at FROM identities {where} ORDER BY rowid",
            r => new Identity
            {
                Id = r.GetGuid(0), SchemaId = r.GetString(1), SchemaUrl = r.GetString(2), Traits = (JsonObject)JsonNode.Parse(r.GetString(3))!,
                State = r.GetString(4), MetadataPublic = Row.Json(r, 5), MetadataAdmin = Row.Json(r, 6),
                CreatedAt = Row.Time(r, 7), UpdatedAt = Row.Time(r, 8),
                Password = null,
            },
            parameters);
        for (var i = 0; i < identities.Count; i++)
        {
            identities[i] = WithChildren(identities[i]);
        }

        return identities;
    }

    private Identity WithChildren(Identity identity)
    {
        string? password = null;
        var credentials = Query("SELECT type, config, created_at, updated_at FROM identity_credentials WHERE identity_id = $id ORDER BY rowid",
            r => (Type: r.GetString(0), Config: (JsonObject)JsonNode.Parse(r.GetString(1))!, Created: Row.Time(r, 2), Updated: Row.Time(r, 3)), ("$id", identity.Id));
        var passwordIdentifiers = Query("""
            SELECT i.identifier FROM identity_credential_identifiers i JOIN identity_credentials c ON c.id = i.identity_credential_id
            WHERE c.identity_id = $id AND c.type = 'password' ORDER BY i.rowid
            """, r => r.GetString(0), ("$id", identity.Id));
        foreach (var (type, config, _, _) in credentials)
        {
            if (type == "password")
            {
                password = config["password"]?.GetValue<string>();
            }
        }

        var result = new Identity
        {
            Id = identity.Id, SchemaId = identity.SchemaId, SchemaUrl = identity.SchemaUrl, Traits = identity.Traits, State = identity.State,
            MetadataPublic = identity.MetadataPublic, MetadataAdmin = identity.MetadataAdmin, CreatedAt = identity.CreatedAt,
            UpdatedAt = identity.UpdatedAt, Password = password,
        };
        result.PasswordIdentifiers.AddRange(passwordIdentifiers);
        foreach (var (type, config, created, updated) in credentials)
        {
            if (type == "totp")
            {
                result.Totp = TotpCredential.FromConfig(config, created, updated);
            }
            else if (type == "lookup_secret")
            {
                result.Lookup = LookupCredential.FromConfig(config, created, updated);
            }
            else if (type == "webauthn")
            {
                var identifiers = Query("""
                    SELECT i.identifier FROM identity_credential_identifiers i JOIN identity_credentials c ON c.id = i.identity_credential_id
                    WHERE c.identity_id = $id AND c.type = 'webauthn' ORDER BY i.rowid
                    """, r => r.GetString(0), ("$id", identity.Id));
                result.WebAuthn = WebAuthnCredential.FromConfig(config, identifiers, created, updated);
            }
        }

        foreach (var (_, config, _, _) in credentials.Where(c => c.Type == "code"))
        {
            foreach (var a in config["addresses"]?.AsArray() ?? [])
            {
                result.CodeAddresses.Add((a!["channel"]!.GetValue<string>(), a["address"]!.GetValue<string>()));
            }
        }

        result.VerifiableAddresses.AddRange(Query(
            "SELECT id, value, via, verified, status, verified_at, created_at, updated_at FROM identity_verifiable_addresses WHERE identity_id = $id ORDER BY rowid",
            r => new VerifiableAddress
            {
                Id = r.GetGuid(0), Value = r.GetString(1), Via = r.GetString(2), Verified = r.GetBoolean(3), Status = r.GetString(4),
                VerifiedAt = r.IsDBNull(5) ? null : Row.Time(r, 5), CreatedAt = Row.Time(r, 6), UpdatedAt = Row.Time(r, 7),
            },
            ("$id", identity.Id)));
        result.RecoveryAddresses.AddRange(Query(
            "SELECT id, value, via FROM identity_recovery_addresses WHERE identity_id = $id ORDER BY rowid",
            r => (r.GetGuid(0), r.GetString(1), r.GetString(2)), ("$id", identity.Id)));
        return result;
    }

    public void Dispose() => _connection.Dispose();
}
