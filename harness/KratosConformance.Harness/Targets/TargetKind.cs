namespace KratosConformance.Harness.Targets;

/// <summary>What a run tests: its wire id (option value, KC_TARGET) is the lower-case name.</summary>
public enum TargetKind
{
    /// <summary>The reference double in this process: no Docker, the default of a plain <c>dotnet test</c>.</summary>
    InProcess,

    /// <summary>Kratos (any image) and a mail sink started through Testcontainers: the default of <c>kc run</c>.</summary>
    Containers,

    /// <summary>An existing deployment: the harness starts and changes nothing there.</summary>
    External,
}
