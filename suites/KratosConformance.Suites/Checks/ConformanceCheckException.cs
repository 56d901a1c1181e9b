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

    public ConformanceCheckException()
        : this("a conformance check failed")
    {
    }

    public ConformanceCheckException(string message)
        : base(message)
    {
        Failure = new CheckFailure
        {
            TestId = string.Empty, Headline = message, Subject = string.Empty, Expectation = string.Empty, Situation = string.Empty,
            Actual = string.Empty, ExpectedValue = string.Empty, ActualValue = string.Empty,
        };
    }

    public ConformanceCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = new CheckFailure
        {
            TestId = string.Empty, Headline = message, Subject = string.Empty, Expectation = string.Empty, Situation = string.Empty,
            Actual = string.Empty, ExpectedValue = string.Empty, ActualValue = string.Empty,
        };
    }

    public CheckFailure Failure { get; }
}
