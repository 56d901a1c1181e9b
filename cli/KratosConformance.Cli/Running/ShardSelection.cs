using System.Security.Cryptography;
using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Targets;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Writing;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>
/// <c>kc run --shard i/n [--durations results.json]</c>: the selection narrowed to one shard, checked before anything
/// starts (an unreadable durations file or a shard that would be empty is exit 2, not a red CI job an hour later).
/// </summary>
public static class ShardSelection
{
    /// <summary>The filter for <paramref name="shard"/> of <paramref name="filter"/>'s selection and what results.json records of it.</summary>
    public static (ConformanceTestFilter Filter, ShardInfo Info) Plan(ConformanceTestFilter filter, Shard shard, string? durationsFile, HarnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(shard);
        (IReadOnlyDictionary<string, double> Ms, string Sha256)? durations = durationsFile is null ? null : ReadDurations(durationsFile);
        var selection = SuiteRunner.SelectedIds(filter);
        if (selection.Count < shard.Count)
        {
            throw new CliException($"--shard {shard}: the selection has {selection.Count} test(s), fewer than {shard.Count} shards, so a shard would run nothing: use at most {Math.Max(1, selection.Count)} shard(s) or widen --only.");
        }

        var ids = ShardPlanner.Select(selection, shard, durations?.Ms);
        var info = new ShardInfo
        {
            Index = shard.Index,
            Count = shard.Count,
            Balance = durations is null ? "id" : "durations",
            DurationsSha256 = durations?.Sha256,
            SetupSha256 = SetupHash(settings),
            Selection = selection,
        };
        return (filter.Within(ids), info);
    }

    /// <summary>What shards of one run must share: every setting that decides what is tested, files by content.</summary>
    private static string SetupHash(HarnessSettings s)
    {
        string? Content(string? file) => file is not null && File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : file;
        string?[] parts =
        [
            s.Target.ToString(), s.KratosImage, s.Mail.ToString(), s.MailImage, s.MailAccess.ToString(), s.PublicUrl?.ToString(), s.AdminUrl?.ToString(),
            s.MailUrl, s.KratosVersionOverride, Content(s.ConfigFile), Content(s.SchemaFile), Content(s.ConfigOverlay), string.Join(",", s.Deviations),
            s.Emulate, s.UiUrl?.ToString(), Content(s.UiSelectorsFile), s.ReferenceUi,
        ];
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts.Select(p => p ?? "-")))))[..16];
    }

    /// <summary>Each test's duration in a previous run's results.json (a run folder or the file).</summary>
    private static (IReadOnlyDictionary<string, double> Ms, string Sha256) ReadDurations(string path)
    {
        var full = Path.GetFullPath(path);
        var file = Directory.Exists(full) ? Path.Combine(full, ResultsJsonWriter.FileName) : full;
        if (!File.Exists(file))
        {
            throw new CliException($"--durations {path}: {file} does not exist. Give the results.json of a previous run (reports/out/<run-id>/results.json, e.g. a merged run's artifact), or leave --durations out to shard by test id.");
        }

        RunResult result;
        try
        {
            result = ResultsJsonReader.Read(file);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"--durations {path}: {e.Message} Give a results.json written by ./kc run or ./kc merge, or leave --durations out to shard by test id.");
        }

        var ms = result.Tests
            .Where(t => t.Outcome != TestOutcome.Interrupted)
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(t => t.DurationMs), StringComparer.Ordinal);
        if (ms.Count == 0)
        {
            throw new CliException($"--durations {path}: the run holds no finished test, so it can not balance the shards. Give the results.json of a run that finished, or leave --durations out to shard by test id.");
        }

        return (ms, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
    }
}
