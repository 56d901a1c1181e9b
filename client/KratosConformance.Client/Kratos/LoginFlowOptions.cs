namespace KratosConformance.Client.Kratos;

/// <summary>Query parameters of login flow creation (spec §2.3); null leaves a parameter out.</summary>
public sealed record LoginFlowOptions
{
    /// <summary>"aal1" or "aal2"; Kratos treats a missing aal as aal1.</summary>
    public string? Aal { get; init; }
    public bool? Refresh { get; init; }
    public string? ReturnTo { get; init; }
    /// <summary>Deprecated since v1.3.0 (names a trait); kept for the versions that need it.</summary>
    public string? Via { get; init; }

    public static LoginFlowOptions FirstFactor { get; } = new();
    public static LoginFlowOptions SecondFactor { get; } = new() { Aal = "aal2" };
}
