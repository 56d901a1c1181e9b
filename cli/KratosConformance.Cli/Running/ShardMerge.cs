using KratosConformance.Cli.Errors;
using KratosConformance.Reports.Model;
using KratosConformance.Reports.Output;
using KratosConformance.Reports.Writing;

namespace KratosConformance.Cli.Running;

/// <summary>
/// <c>kc merge</c>: the run folders of the shards of one run (<c>kc run --shard i/n</c>) combined into one run folder of
/// the same form as an unsharded run's (results, evidence, and the reports written from them) with one verdict. Shards
/// of different runs (Kratos version or image, config, target, deviations, harness, selection, split) are refused;
/// a shard that is missing or has no results makes the merged run INCOMPLETE, an interrupted one makes it INTERRUPTED:
/// never green.
/// </summary>
public static class ShardMerge
{
    /// <summary>The merged result, evidence copied into <paramref name="outDir"/>; the caller writes the reports.</summary>
    public static RunResult Merge(IReadOnlyList<string> shardDirs, string outDir, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(shardDirs);
        ArgumentNullException.ThrowIfNull(warnings);
        var shards = new List<(string Dir, RunResult Result, ShardInfo Shard)>();
        var unreadable = new List<string>();
        foreach (var arg in shardDirs)
        {
            var dir = Path.GetFullPath(arg);
            if (!Directory.Exists(dir))
            {
                throw new CliException($"'{arg}' does not exist: give the run folders the shards wrote (reports/out/<run-id>, e.g. the downloaded artifacts of each shard job).");
            }

            if (!File.Exists(Path.Combine(dir, ResultsJsonWriter.FileName)))
            {
                warnings.WriteLine($"kc merge: {arg} holds no results.json (its shard did not finish writing): counted as a missing shard.");
                unreadable.Add(arg);
                continue;
            }

            RunResult result;
            try
            {
                result = ResultsJsonReader.Read(dir);
            }
            catch (InvalidDataException e)
            {
                throw new CliException($"{arg}: {e.Message} Re-run that shard, or leave its folder out (the merge then says the shard is missing).");
            }

            var shard = result.Run.Shard ?? throw new CliException(
                $"{arg} is not a shard: its run had no --shard i/n. Merge the folders of runs started with --shard 1/n … n/n (one run needs no merge).");
            shards.Add((arg, result, shard));
        }

        if (shards.Count == 0)
        {
            throw new CliException("no shard's results.json was found in the folders given: give the run folders written by ./kc run --shard i/n.");
        }

        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            RefuseIfDifferent(first, other);
        }

        var duplicate = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliException($"shard {duplicate.First().Shard} was given twice ({string.Join(", ", duplicate.Select(s => s.Dir))}): give each shard's run folder once.");
        }

        var tests = new List<TestResult>();
        foreach (var (dir, result, shard) in shards)
        {
            foreach (var test in result.Tests)
            {
                if (tests.Any(t => t.Id == test.Id))
                {
                    throw new CliException($"test {test.Id} ran in more than one shard (again in {dir}, shard {shard}): the shards were split differently. Run every shard with the same --only, --no-browser and --durations.");
                }

                tests.Add(test with { EvidenceFiles = [], Checks = [] });
            }

            CopyEvidence(Path.Combine(Path.GetFullPath(dir), RunDirectory.EvidenceFolderName), Path.Combine(outDir, RunDirectory.EvidenceFolderName));
        }

        var count = first.Shard.Count;
        var missingShards = Enumerable.Range(1, count).Where(i => shards.All(s => s.Shard.Index != i)).ToList();
        var ran = tests.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var owed = first.Shard.Selection.Where(id => !ran.Contains(id)).ToList();
        var missingText = missingShards.Count == 0 ? null : $"shard {string.Join(", ", missingShards.Select(i => $"{i}/{count}"))} missing from the merge";
        foreach (var id in owed)
        {
            tests.Add(new TestResult
            {
                Id = id,
                Scenario = TestIdParts(id).Scenario,
                Client = TestIdParts(id).Client,
                Outcome = TestOutcome.Interrupted,
                Message = $"not run: no merged shard reports this test ({missingText ?? "a shard did not finish it"}); it says nothing about Kratos",
            });
        }

        var incomplete = missingShards.Count == 0 && owed.Count == 0
            ? null
            : $"{missingText ?? "every shard given"}{(unreadable.Count > 0 ? $"; no results in {string.Join(", ", unreadable)}" : string.Empty)}; {owed.Count} of {first.Shard.Selection.Count} tests not run";
        var interrupted = shards.Where(s => s.Result.Run.Interruption is not null).Select(s => $"{s.Result.Run.Interruption} in shard {s.Shard}").ToList();
        var notes = new Dictionary<string, string>(first.Result.Run.Notes)
        {
            ["merged"] = $"{shards.Count} of {count} shards, balanced by {first.Shard.Balance}: " + string.Join(", ", shards.OrderBy(s => s.Shard.Index).Select(s => $"{s.Shard} = {s.Result.Run.RunId}")),
        };
        return new RunResult
        {
            Run = first.Result.Run with
            {
                RunId = Path.GetFileName(Path.TrimEndingDirectorySeparator(outDir)),
                StartedAt = shards.Min(s => s.Result.Run.StartedAt),
                FinishedAt = shards.Max(s => s.Result.Run.FinishedAt),
                Interruption = interrupted.Count == 0 ? null : string.Join(", ", interrupted),
                Incomplete = incomplete,
                SecretsRevealed = shards.Any(s => s.Result.Run.SecretsRevealed),
                Shard = null,
                Notes = notes,
            },
            Tests = tests.OrderBy(t => t.Id, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Shards of one run agree on everything that decides what was tested; the first difference is refused.</summary>
    private static void RefuseIfDifferent((string Dir, RunResult Result, ShardInfo Shard) a, (string Dir, RunResult Result, ShardInfo Shard) b)
    {
        var ra = a.Result.Run;
        var rb = b.Result.Run;
        (string What, string? A, string? B)[] facts =
        [
            ("Kratos version", ra.KratosVersion, rb.KratosVersion),
            ("Kratos image", ra.KratosImage, rb.KratosImage),
            ("Kratos image digest", ra.KratosImageDigest, rb.KratosImageDigest),
            ("target", ra.Target, rb.Target),
            ("config and options (--config, --schema, images, mail, UI)", a.Shard.SetupSha256, b.Shard.SetupSha256),
            ("deviations of the double", string.Join(",", ra.Deviations), string.Join(",", rb.Deviations)),
            ("harness version", ra.HarnessVersion, rb.HarnessVersion),
            ("number of shards", a.Shard.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Shard.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("balancing", a.Shard.Balance + a.Shard.DurationsSha256, b.Shard.Balance + b.Shard.DurationsSha256),
            ("selection (--only, --no-browser)", string.Join(",", a.Shard.Selection), string.Join(",", b.Shard.Selection)),
        ];
        foreach (var (what, va, vb) in facts)
        {
            if (!string.Equals(va, vb, StringComparison.Ordinal))
            {
                var shown = what.StartsWith("selection", StringComparison.Ordinal) ? $"{a.Shard.Selection.Count} vs {b.Shard.Selection.Count} tests" : $"'{va ?? "unknown"}' vs '{vb ?? "unknown"}'";
                throw new CliException($"{a.Dir} (shard {a.Shard}) and {b.Dir} (shard {b.Shard}) are shards of different runs: their {what} differ ({shown}). Merge only the shards of one run, all started with the same options and --shard i/n.");
            }
        }
    }

    private static (string Scenario, string Client) TestIdParts(string id) =>
        Reports.TestId.TryParse(id, out var parsed) ? (parsed.Scenario, parsed.Client) : (id, string.Empty);

    private static void CopyEvidence(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }
}
