using System.Text.Json.Nodes;
using KratosConformance.Cli.Errors;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Cli.Mutation;

/// <summary>
/// mutation/stryker-config.json: the double's behaviour files Stryker mutates and the suites it runs as the tests. The
/// scope lives there (one place), ./kc mutate only narrows it.
/// </summary>
public static class MutationConfig
{
    public static string Directory => Path.Combine(RepositoryLayout.RequireRoot(), "mutation");

    public static string File => Path.Combine(Directory, "stryker-config.json");

    /// <summary>
    /// The config this run gives Stryker, written to <paramref name="directory"/> (returns its path): the test-case-filter
    /// replaced by <paramref name="filter"/> when one is given (the sample's few tests), the test projects as absolute
    /// paths (Stryker still runs in <see cref="Directory"/>), and additional-timeout scaled by the run's
    /// <paramref name="patience"/> like every other deadline (the config's value is the baseline at patience 1).
    /// </summary>
    public static string Effective(string? filter, Patience patience, string directory)
    {
        ArgumentNullException.ThrowIfNull(patience);
        var root = JsonNode.Parse(System.IO.File.ReadAllText(File))!.AsObject();
        var config = root["stryker-config"]?.AsObject() ?? throw new InvalidOperationException($"{File} has no stryker-config object.");
        if (filter is not null)
        {
            config["test-case-filter"] = filter;
        }

        if (config["test-projects"] is JsonArray projects)
        {
            config["test-projects"] = new JsonArray(projects.Select(p => (JsonNode?)JsonValue.Create(Path.GetFullPath(Path.Combine(Directory, p!.GetValue<string>())))).ToArray());
        }

        var baseline = config["additional-timeout"]?.GetValue<int>() ?? throw new InvalidOperationException($"{File} has no stryker-config.additional-timeout (the baseline in ms at patience 1).");
        config["additional-timeout"] = (int)Math.Round(baseline * patience.Factor);
        System.IO.Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, "stryker-config.json");
        System.IO.File.WriteAllText(copy, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return copy;
    }

    /// <summary>The mutate globs of the config, e.g. <c>**/Endpoints/CodeVerifier.cs</c>.</summary>
    public static IReadOnlyList<string> Scope()
    {
        var config = JsonNode.Parse(System.IO.File.ReadAllText(File))?["stryker-config"]?["mutate"] as JsonArray
            ?? throw new InvalidOperationException($"{File} has no stryker-config.mutate list.");
        return config.Select(n => n!.GetValue<string>()).ToList();
    }

    /// <summary>
    /// The configured globs a user's <c>--file</c> values select: a value matches a glob it ends with
    /// (<c>CodeVerifier.cs</c>, <c>Endpoints/CodeVerifier.cs</c>). Throws a user error naming the valid files otherwise.
    /// </summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> files)
    {
        var scope = Scope();
        if (files.Count == 0)
        {
            return scope;
        }

        var chosen = new List<string>();
        foreach (var file in files)
        {
            var matches = scope.Where(g => g.EndsWith("/" + file.TrimStart('/'), StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
            {
                throw new CliException($"--file {file} is not among the double's behaviour files in mutation/stryker-config.json. Valid: {string.Join(", ", scope.Select(g => g.Replace("**/", string.Empty, StringComparison.Ordinal)))}.");
            }

            chosen.AddRange(matches);
        }

        return chosen.Distinct(StringComparer.Ordinal).ToList();
    }
}
