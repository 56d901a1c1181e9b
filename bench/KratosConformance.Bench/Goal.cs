namespace KratosConformance.Bench;

/// <summary>One goal of issue 8 and whether this run met it; Met is null when it could not be measured.</summary>
public sealed record Goal(string Name, string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "NOT met",
        null => "not measured",
    };
}
