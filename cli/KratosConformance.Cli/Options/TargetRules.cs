using System.CommandLine.Parsing;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Options;

/// <summary>
/// Combinations of target options that can not work, refused while parsing (exit 2) instead of failing every test:
/// an external target without its URLs, options that apply to another target, a schema without a config.
/// </summary>
public static class TargetRules
{
    private static readonly string[] ExternalNeeds = ["--public-url", "--admin-url", "--mail-url"];
    private static readonly string[] StartedOnly = ["--kratos-image", "--mail", "--emulate", "--deviations"];
    private static readonly string[] ExternalOnly = ["--public-url", "--admin-url"];

    public static void Check(TargetOptions options, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Children.Any(c => c.Errors.Any()))
        {
            return; // one problem at a time: the option's own error says more than a rule about combinations
        }

        var given = options.Table.Where(r => r.ValueIn(result) is not null).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (FirstProblem(given, name => options.Table.FirstOrDefault(r => r.Name == name)?.ValueIn(result)) is { } problem)
        {
            result.AddError(problem);
        }
    }

    /// <summary>The first combination that can not work, or null. <paramref name="valueOf"/> gives an option's text.</summary>
    public static string? FirstProblem(IReadOnlySet<string> given, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(valueOf);
        var target = SettingNames.Parse<TargetKind>(valueOf("--target") ?? TargetKind.Containers.Id()) ?? TargetKind.Containers;
        if (valueOf("--kratos-version") is { } version && !KratosVersion.TryParse(version, out _))
        {
            return $"--kratos-version '{version}' is not a version: give e.g. v26.2.0, v25.4.0 or v1.3.1.";
        }

        if (target == TargetKind.External)
        {
            var missing = ExternalNeeds.Where(n => !given.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                return $"--target external needs {string.Join(", ", missing)}: the harness starts nothing there, so it must be told where Kratos and its mail are. Example: ./kc run --target external --public-url http://127.0.0.1:4433/ --admin-url http://127.0.0.1:4434/ --mail-url smtp4dev+http://127.0.0.1:5000";
            }

            if (StartedOnly.FirstOrDefault(given.Contains) is { } name)
            {
                return $"{name} does not apply to --target external (the harness starts nothing there). Remove it, or use --target containers.";
            }
        }
        else if (ExternalOnly.FirstOrDefault(given.Contains) is { } name)
        {
            return $"{name} only applies to --target external; --target {target.Id()} starts its own Kratos.";
        }

        if (given.Contains("--schema") && !given.Contains("--config"))
        {
            return "--schema needs --config: give your kratos.yml too (its identity.schemas must name the schema).";
        }

        var sink = valueOf("--mail") ?? "smtp4dev";
        if (valueOf("--mail-access") is "imap" or "pop3" && sink != "smtp4dev" && target != TargetKind.External)
        {
            return $"--mail-access {valueOf("--mail-access")} needs --mail smtp4dev: {sink} has no {valueOf("--mail-access")!.ToUpperInvariant()} server.";
        }

        if (given.Contains("--ui-selectors") && !given.Contains("--ui-url"))
        {
            return "--ui-selectors needs --ui-url: the map names the elements of your own login UI; the reference UI uses the default test ids.";
        }

        return null;
    }
}
