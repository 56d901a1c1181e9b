namespace Kratos.Double.State;

/// <summary>The database could not be used within Kratos's retry budget (e.g. it was never migrated).</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
