using KratosConformance.Cli.Errors;
using KratosConformance.Client.Versions;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// The up-front checks of kc upgrade (exit 2, nothing started): --from and --to each a Kratos release line the
/// suites know (the double emulates it) or an image; --from older than --to; --dsn postgres only where its image is
/// there (refused here: no PostgreSQL image on this machine and the double keeps SQLite only); images only through
/// containers; --deviations only for the double and only names it knows.
/// </summary>
public static class UpgradeInput
{
    /// <summary>One side of the upgrade: the double at <paramref name="Version"/>, or <paramref name="Image"/> (whose tag names the version).</summary>
    public sealed record Side(KratosVersion Version, string? Image)
    {
        public string Label => Image ?? Version.ToString();
    }

    public static Side Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = string.Join(", ", KratosVersion.Known);
        if (text.Contains(':', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            var tag = text[(text.LastIndexOf(':') + 1)..];
            if (!text.Contains(':', StringComparison.Ordinal) || !KratosVersion.TryParse(tag, out var tagged) || !IsKnownLine(tagged))
            {
                throw new CliException($"{option} '{text}': the image's tag must name a Kratos release the suites know ({known}; patch releases count), e.g. {option} oryd/kratos:v26.2.0.");
            }

            return new Side(tagged, text);
        }

        if (!KratosVersion.TryParse(text, out var version) || !IsKnownLine(version))
        {
            throw new CliException($"{option} '{text}' is not a Kratos version the double emulates: give one of {known}, or an image such as oryd/kratos:v26.2.0.");
        }

        return new Side(KratosVersion.Known.First(k => k.Major == version.Major && k.Minor == version.Minor), null);
    }

    public static void Check(Side from, Side to, string dsn, TargetKind target, IReadOnlyCollection<string> deviations)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(deviations);
        if (from.Version >= to.Version)
        {
            throw new CliException($"--from {from.Label} is not older than --to {to.Label}: an upgrade goes from an older Kratos to a newer one. Swap them, or pick a newer --to.");
        }

        if (dsn == "postgres")
        {
            throw new CliException(
                "--dsn postgres needs a PostgreSQL container (Testcontainers.PostgreSql, image postgres) and a Kratos that speaks PostgreSQL: "
                + "the reference double keeps its data in SQLite only, and kc upgrade does not start PostgreSQL yet. Use --dsn sqlite (the default), "
                + "or certify a PostgreSQL upgrade by hand as the README's \"Upgrade certification\" section shows.");
        }

        if (target == TargetKind.External)
        {
            throw new CliException("kc upgrade starts both Kratos versions itself: --target external can not be upgraded. Use --target containers (default) or inprocess.");
        }

        if (target == TargetKind.InProcess && (from.Image ?? to.Image) is { } image)
        {
            throw new CliException($"--target inprocess runs the reference double in this process, not the image {image}: give versions (e.g. --from v25.4.0), or use --target containers for images.");
        }

        if (deviations.Count > 0 && (from.Image ?? to.Image) is { } real)
        {
            throw new CliException($"--deviations are the reference double's own switches; {real} is not the double. Leave out --deviations, or give versions instead of images.");
        }

        var unknown = deviations.Where(d => !Kratos.Double.Deviations.Upgrade.Any(u => u.Name == d)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"--deviations {string.Join(", ", unknown)}: not an upgrade deviation of the double. Valid: {string.Join(", ", Kratos.Double.Deviations.Upgrade.Select(u => u.Name))}.");
        }
    }

    private static bool IsKnownLine(KratosVersion version) => KratosVersion.Known.Any(k => k.Major == version.Major && k.Minor == version.Minor);
}
