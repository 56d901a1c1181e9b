namespace KratosConformance.Runner;

/// <summary>
/// The suites assembly is missing from its build output: a set-up problem of the checkout, not a conformance finding.
/// The CLI reports it as bad input (exit 2) with the build command that fixes it.
/// </summary>
public sealed class SuitesNotBuiltException(string message) : Exception(message);
