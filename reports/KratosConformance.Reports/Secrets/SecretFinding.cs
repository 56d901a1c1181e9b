namespace KratosConformance.Reports.Secrets;

/// <summary>A secret-looking value in a run file. <see cref="Excerpt"/> shows only the start of the value.</summary>
public sealed record SecretFinding(string File, int Line, string Pattern, string Excerpt)
{
    public override string ToString() => $"{File}:{Line}: {Pattern} ({Excerpt})";
}
