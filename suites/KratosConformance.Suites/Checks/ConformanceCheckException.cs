namespace KratosConformance.Suites.Checks;

/// <summary>
/// Thrown by a failed check. It derives from NUnit's <see cref="AssertionException"/>, so the test fails with exactly
/// the rendered message, and it is thrown directly rather than through Assert.Fail, so self-tests can catch it and
/// read the failure text without the catching test being marked failed too. Carries the failure as data.
/// </summary>
public sealed class ConformanceCheckException : AssertionException
{
    public ConformanceCheckException(CheckFailure failure)
        : base(failure?.Render() ?? string.Empty)
    {
        Failure = failure!;
    }

    public CheckFailure Failure { get; }
}
