namespace Kratos.Double.Tests.Support;

/// <summary>Where an in-process double keeps its state: both must behave the same, so fixtures run once per store.</summary>
public enum DoubleStore
{
    /// <summary>dsn: memory.</summary>
    Memory,

    /// <summary>A migrated SQLite file in a temporary folder (dsn: sqlite://…?_fk=true).</summary>
    Sqlite,
}
