using Kratos.Double.Config;

namespace Kratos.Double.State.Migrations;

/// <summary>
/// The double's migrations, ordered by version. Each emulated Kratos version applies those introduced up to it, so a
/// database migrated by the double at v1.3.1 shows v25.4.0's and v26.2.0's as pending, the way a real Kratos upgrade
/// does (persistence/sql/migrations + oryx/popx). Versions are the last migration of each Kratos tag, so they sort
/// between real Kratos versions; the networks table is oryx/networkx's own first migration, verbatim. Tables are
/// named like Kratos's; JSON columns hold what Kratos also stores as JSON (credential config, flow UI, AMR).
/// </summary>
internal static class DoubleMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new("20150100000001000000", "networks", EmulatedVersion.V1_3_1, """
            CREATE TABLE "networks" (
            "id" TEXT PRIMARY KEY,
            "created_at" DATETIME NOT NULL,
            "updated_at" DATETIME NOT NULL
            );
            """),
        new("20240425095000000001", "kratos_double_v1.3.1", EmulatedVersion.V1_3_1, """
            CREATE TABLE identities (id TEXT PRIMARY KEY, schema_id TEXT NOT NULL, schema_url TEXT NOT NULL, traits TEXT NOT NULL,
              state TEXT NOT NULL, metadata_public TEXT, metadata_admin TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE identity_credentials (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
              type TEXT NOT NULL, config TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE identity_credential_identifiers (id TEXT PRIMARY KEY,
              identity_credential_id TEXT NOT NULL REFERENCES identity_credentials(id) ON DELETE CASCADE, identifier TEXT NOT NULL);
            CREATE INDEX identity_credential_identifiers_identifier_idx ON identity_credential_identifiers (identifier);
            CREATE TABLE identity_verifiable_addresses (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
              value TEXT NOT NULL, via TEXT NOT NULL, verified INTEGER NOT NULL, status TEXT NOT NULL, verified_at TEXT,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE identity_recovery_addresses (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
              value TEXT NOT NULL, via TEXT NOT NULL);
            CREATE TABLE sessions (id TEXT PRIMARY KEY, identity_id TEXT NOT NULL, token TEXT NOT NULL, cookie_value TEXT NOT NULL,
              active INTEGER NOT NULL, aal_override TEXT, authentication_methods TEXT NOT NULL, authenticated_at TEXT NOT NULL,
              issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, device_id TEXT NOT NULL, user_agent TEXT, ip_address TEXT);
            CREATE INDEX sessions_token_idx ON sessions (token);
            CREATE INDEX sessions_cookie_value_idx ON sessions (cookie_value);
            CREATE TABLE session_logout_tokens (token TEXT PRIMARY KEY, session_id TEXT NOT NULL);
            CREATE TABLE selfservice_login_flows (id TEXT PRIMARY KEY, type TEXT NOT NULL, request_url TEXT NOT NULL, return_to TEXT,
              active_method TEXT, refresh INTEGER NOT NULL, requested_aal TEXT NOT NULL, state TEXT NOT NULL, ui TEXT NOT NULL,
              submit_count INTEGER NOT NULL, sent_address TEXT, csrf_token TEXT, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE identity_login_codes (id TEXT PRIMARY KEY, code TEXT NOT NULL, address TEXT NOT NULL, used INTEGER NOT NULL,
              identity_id TEXT NOT NULL, selfservice_login_flow_id TEXT NOT NULL, expires_at TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE INDEX identity_login_codes_identity_idx ON identity_login_codes (identity_id);
            CREATE TABLE courier_messages (id TEXT PRIMARY KEY, type INTEGER NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL,
              subject TEXT NOT NULL, recipient TEXT NOT NULL, template_type TEXT NOT NULL, send_count INTEGER NOT NULL,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL, template_data TEXT);
            CREATE TABLE courier_message_dispatches (id TEXT PRIMARY KEY,
              message_id TEXT NOT NULL REFERENCES courier_messages(id) ON DELETE CASCADE, status TEXT NOT NULL, error TEXT,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE selfservice_errors (id TEXT PRIMARY KEY, errors TEXT NOT NULL, created_at TEXT NOT NULL);
            """),
        new("20240425095000000002", "kratos_double_v1.3.1_settings_recovery", EmulatedVersion.V1_3_1, """
            -- persistence/sql/migrations: selfservice_recovery_flows and identity_recovery_codes (code recovery), selfservice_settings_flows (ui, state, active_method, internal_context, type,
            -- identity_id); the double also keeps a browser submission paused for re-authentication in the row, where
            -- Kratos keeps it in continuity_containers. TOTP and lookup_secret credentials live in identity_credentials
            -- with Kratos's config JSON ({"totp_url"}, {"recovery_codes":[{"code","used_at"}]}) and identifiers.
            CREATE TABLE selfservice_settings_flows (id TEXT PRIMARY KEY, type TEXT NOT NULL, request_url TEXT NOT NULL, return_to TEXT,
              active_method TEXT, state TEXT NOT NULL, ui TEXT NOT NULL, internal_context TEXT NOT NULL,
              identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE, csrf_token TEXT, continuity_token TEXT,
              continuity_payload TEXT, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE selfservice_recovery_flows (id TEXT PRIMARY KEY, type TEXT NOT NULL, request_url TEXT NOT NULL, return_to TEXT,
              active_method TEXT, state TEXT NOT NULL, ui TEXT NOT NULL, csrf_token TEXT, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL,
              updated_at TEXT NOT NULL);
            CREATE TABLE identity_recovery_codes (id TEXT PRIMARY KEY, code TEXT NOT NULL, address TEXT NOT NULL, used INTEGER NOT NULL,
              identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE, selfservice_recovery_flow_id TEXT NOT NULL,
              expires_at TEXT NOT NULL);
            """),
        new("20250710085000000000", "add_schema_id", EmulatedVersion.V25_4_0, """
            -- Kratos v25.4.0, persistence/sql/migrations/sql/20250710085000000000_add_schema_id.up.sql (the login half;
            -- the double has no registration flows). The tables the double uses are otherwise unchanged from v1.3.1.
            ALTER TABLE selfservice_login_flows ADD COLUMN identity_schema_id VARCHAR(128) NULL;
            """),
        new("20251104000000000000", "identifiers_devices_identity_id", EmulatedVersion.V26_2_0, """
            -- Kratos v26.2.0, persistence/sql/migrations/sql/20251104000000000000_identifiers_devices_identity_id.sqlite.up.sql:
            -- identity_credential_identifiers is rebuilt with identity_id NOT NULL, backfilled from its credential by an
            -- INNER JOIN (an identifier without a credential is not carried over).
            CREATE TABLE "_identity_credential_identifiers_tmp" (id TEXT PRIMARY KEY,
              identity_credential_id TEXT NOT NULL REFERENCES identity_credentials(id) ON DELETE CASCADE, identifier TEXT NOT NULL,
              identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE);
            INSERT INTO "_identity_credential_identifiers_tmp" (id, identity_credential_id, identifier, identity_id)
              SELECT ici.id, ici.identity_credential_id, ici.identifier, ic.identity_id
              FROM identity_credential_identifiers ici INNER JOIN identity_credentials ic ON ici.identity_credential_id = ic.id;
            DROP TABLE identity_credential_identifiers;
            ALTER TABLE "_identity_credential_identifiers_tmp" RENAME TO identity_credential_identifiers;
            CREATE INDEX identity_credential_identifiers_identifier_idx ON identity_credential_identifiers (identifier);
            """),
        new("20251215000000000000", "courier_messages_add_request_headers", EmulatedVersion.V26_2_0, """
            -- Kratos v26.2.0, persistence/sql/migrations/sql/20251215000000000000_courier_messages_add_request_headers.sqlite.up.sql.
            ALTER TABLE courier_messages ADD COLUMN request_headers JSONB;
            """),
        new("20260114175904000000", "drop_identity_credentials_nid_idx", EmulatedVersion.V26_2_0, """
            -- Kratos v26.2.0's last migration drops an index on nid, a column the double's tables do not have (one
            -- network); applying it records the version.
            SELECT 1;
            """),
    ];

    /// <summary>The migrations a double emulating <paramref name="version"/> knows, oldest first.</summary>
    public static IReadOnlyList<SchemaMigration> For(string version) =>
        [.. All.Where(m => EmulatedVersion.Compare(m.IntroducedIn, version) <= 0)];

    /// <summary>The Kratos version whose migrations are the newest applied, from the versions in schema_migration.</summary>
    public static string? VersionOf(IReadOnlyCollection<string> applied) =>
        All.LastOrDefault(m => applied.Contains(m.Version))?.IntroducedIn;
}
