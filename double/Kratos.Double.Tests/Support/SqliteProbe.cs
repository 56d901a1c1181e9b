using Microsoft.Data.Sqlite;

namespace Kratos.Double.Tests.Support;

/// <summary>Reads a double's SQLite file directly, to see what a migration left behind the HTTP API.</summary>
public static class SqliteProbe
{
    public static long Scalar(string dsn, string sql, params (string Name, object Value)[] parameters) =>
        Run(dsn, sql, parameters, c => Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs one statement on the file: a row the test needs that no HTTP step of the double's tests can write.</summary>
    public static int Execute(string dsn, string sql, params (string Name, object Value)[] parameters) =>
        Run(dsn, sql, parameters, c => c.ExecuteNonQuery());

    public static List<string> Columns(string dsn, string table)
    {
        using var connection = Open(dsn);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static T Run<T>(string dsn, string sql, (string Name, object Value)[] parameters, Func<SqliteCommand, T> execute)
    {
        using var connection = Open(dsn);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return execute(command);
    }

    private static SqliteConnection Open(string dsn)
    {
        var path = new Uri(dsn.Replace("sqlite://", "file://", StringComparison.Ordinal)).LocalPath;
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }
}
