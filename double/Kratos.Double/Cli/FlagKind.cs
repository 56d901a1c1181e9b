namespace Kratos.Double.Cli;

/// <summary>The pflag value types Kratos's commands use.</summary>
internal enum FlagKind
{
    Bool,
    String,
    StringSlice,
}
