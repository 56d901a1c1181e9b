namespace Kratos.Double.Config;

/// <summary>Configuration real Kratos would refuse; the message names the key and the fix.</summary>
public sealed class KratosDoubleConfigException : Exception
{
    public KratosDoubleConfigException(string message)
        : base(message)
    {
    }

    /// <summary>The config key at fault, e.g. <c>selfservice.methods.code.mfa_enabled</c>.</summary>
    public string? Key { get; init; }

    internal static KratosDoubleConfigException For(string key, string problem, string fix) =>
        new($"config key {key}: {problem}. Fix: {fix}") { Key = key };
}
