namespace KratosConformance.Harness.Targets;

/// <summary>A setting has a value the harness can not use; the message names the setting, the value and the fix.</summary>
public sealed class HarnessSettingsException : Exception
{
    public HarnessSettingsException(string message)
        : base(message)
    {
    }

    public HarnessSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
