using System.Text.Json;
using KratosConformance.Reports.Evidence;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// What the suites actually ran against, written by the target when its default deployment is up (KC_RUN_INFO_FILE),
/// so the CLI can put it into results.json: the run metadata comes from the run, not from the command line.
/// </summary>
public sealed record TargetInfo
{
    public string? Target { get; init; }
    public string? Kratos { get; init; }
    public string? KratosVersion { get; init; }
    public string? KratosImage { get; init; }
    public string? KratosImageDigest { get; init; }
    public string? Mail { get; init; }
    public string? ConfigHash { get; init; }
    /// <summary>The login UI the browser suite certifies in this run (which reference UI, or the team's).</summary>
    public string? LoginUi { get; init; }
    /// <summary>What the harness changed in the configuration it was given (SMTP wiring, base URLs, UI URLs).</summary>
    public IReadOnlyList<string> ConfigChanges { get; init; } = [];

    /// <summary>Writes <paramref name="info"/> to <paramref name="file"/> (KC_RUN_INFO_FILE) when the run asked for it.</summary>
    public static void WriteIfRequested(string? file, TargetInfo info)
    {
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, JsonSerializer.Serialize(info, EvidenceJson.Indented));
    }

    public static TargetInfo? Read(string file) =>
        File.Exists(file) ? JsonSerializer.Deserialize<TargetInfo>(File.ReadAllText(file), EvidenceJson.Options) : null;
}
