namespace KratosConformance.Bench;

/// <summary>
/// A benchmarked flow did not go the way the protocol says (the wrong status, no flow, no code). The figure of that
/// flow is dropped and the reason reported: a timing of a flow that went wrong would measure something else.
/// </summary>
public sealed class BenchFlowException(string message) : Exception(message)
{
    public static void Expect(bool condition, string what, string actual)
    {
        if (!condition)
        {
            throw new BenchFlowException($"expected {what}, but {actual}");
        }
    }
}
