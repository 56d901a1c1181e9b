namespace KratosConformance.Suites;

/// <summary>
/// Ends a conformance test as not applicable: NUnit's <see cref="IgnoreException"/> with a message starting
/// <c>not applicable: </c>, which the results map to outcome not-applicable (architecture.md, Contracts). A scenario
/// that does not apply is reported with its reason; it is never silently skipped and never passed.
/// </summary>
public static class NotApplicable
{
    public const string Prefix = "not applicable: ";

    /// <summary>Throws; the reason should name the version or configuration that makes the scenario not apply.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Because(string reason) => throw new IgnoreException(Prefix + reason);
}
