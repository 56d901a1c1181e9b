namespace Kratos.Double.State.Migrations;

/// <summary>
/// One migration of the double's SQLite schema, named like popx names Kratos's (VERSION_NAME.sqlite3.up.sql):
/// <paramref name="Version"/> is what schema_migration records, <paramref name="IntroducedIn"/> the first emulated Kratos
/// version that applies it.
/// </summary>
internal sealed record SchemaMigration(string Version, string Name, string IntroducedIn, string UpSql);
