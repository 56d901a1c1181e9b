using System.Globalization;
using System.Security.Cryptography;

namespace KratosConformance.Reports.Output;

/// <summary>
/// One run's output folder, reports/out/&lt;run-id&gt;/, with reports/out/latest pointing at the newest complete run.
/// Nothing of a run is deleted here: a failed run's evidence is what a person needs to understand the failure.
/// latest moves only when the caller says so (<see cref="PointLatestHere"/>): after the run's results are written and
/// only for a run that was not interrupted, so a CI step or ./kc compare reading latest never gets a half-run.
/// </summary>
public sealed class RunDirectory
{
    public const string LatestLinkName = "latest";
    public const string EvidenceFolderName = "evidence";

    private RunDirectory(string outRoot, string runId)
    {
        OutRoot = outRoot;
        RunId = runId;
        Path = System.IO.Path.Combine(outRoot, runId);
    }

    /// <summary>The folder holding all runs, e.g. reports/out.</summary>
    public string OutRoot { get; }

    /// <summary>e.g. 20261128-181500-ab12: sortable by start time, unique when two runs start in the same second.</summary>
    public string RunId { get; }

    public string Path { get; }

    public string ResultsJsonPath => System.IO.Path.Combine(Path, "results.json");

    /// <summary>Creates a new run folder (with its evidence folder); latest is left where it is.</summary>
    public static RunDirectory Create(string outRoot, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(outRoot);
        for (var attempt = 0; ; attempt++)
        {
            var run = new RunDirectory(outRoot, NewRunId(startedAt));
            if (Directory.Exists(run.Path) && attempt < 10)
            {
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.Combine(run.Path, EvidenceFolderName));
            return run;
        }
    }

    /// <summary>Opens an existing run folder; a path to the latest link resolves to the run it points at.</summary>
    public static RunDirectory Open(string runPath)
    {
        var full = System.IO.Path.GetFullPath(runPath);
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            full = target.FullName;
        }

        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Run directory not found: {runPath}. Pass a folder under reports/out/ (or reports/out/latest).");
        }

        var trimmed = full.TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return new RunDirectory(System.IO.Path.GetDirectoryName(trimmed)!, System.IO.Path.GetFileName(trimmed));
    }

    public static string NewRunId(DateTimeOffset startedAt)
    {
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();
        return startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
    }

    /// <summary>evidence/&lt;test-id&gt;, relative to the run folder: the value of TestResult.EvidenceDirectory.</summary>
    public static string RelativeEvidenceDirectory(string testId) => EvidenceFolderName + "/" + testId;

    public string EvidenceDirectory(string testId) => System.IO.Path.Combine(Path, EvidenceFolderName, testId);

    /// <summary>
    /// Points latest at this run. The link is created under a temporary name and renamed over the old one, because
    /// rename(2) is atomic: a CI step reading reports/out/latest never sees it missing or half-written.
    /// </summary>
    public void PointLatestHere()
    {
        var latest = System.IO.Path.Combine(OutRoot, LatestLinkName);
        var temporary = latest + ".tmp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        try
        {
            // A relative target keeps the link valid when reports/out is copied or mounted elsewhere (CI artefacts).
            File.CreateSymbolicLink(temporary, RunId);
            PosixRename.Replace(temporary, latest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException
            or DllNotFoundException or EntryPointNotFoundException)
        {
            // Where symlinks are not allowed (Windows without developer mode) the run id in a file still tells tools
            // which run is the latest.
            TryDelete(temporary);
            File.WriteAllText(latest + ".txt", RunId + "\n");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary link has a unique name, a leftover one disturbs nothing.
        }
    }
}
