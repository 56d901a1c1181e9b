using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// What the Kratos image can not do with the config it is given, said before anything starts: Kratos's -distroless
/// images are a static binary built without SQLite (.docker/Dockerfile-distroless-static; docs/kratos-facts.md), so
/// neither <c>dsn: memory</c> (SQLite in memory) nor a SQLite file can work there, and Kratos would only fail at start
/// inside the container.
/// </summary>
public static class ImageCheck
{
    private static readonly HarnessWiring Wiring = new()
    {
        PublicBaseUrl = new Uri("http://127.0.0.1:4433/"),
        AdminBaseUrl = new Uri("http://127.0.0.1:4434/"),
    };

    public static void Check(HarnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target != TargetKind.Containers || settings.KratosImage is not { } image || !IsDistroless(image))
        {
            return;
        }

        var composer = new ProfileComposer(RepositoryLayout.ProfilesDirectory, settings.ConfigFile, settings.SchemaFile, settings.ConfigOverlay);
        var config = YamlJson.Parse(composer.Compose(KratosProfiles.Default, Wiring).KratosYml, settings.ConfigFile ?? "kratos.yml", "--config");
        var dsn = config?["dsn"]?.ToString() ?? string.Empty;
        if (dsn == "memory" || dsn.StartsWith("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var shown = dsn == "memory" ? "dsn: memory" : "a SQLite dsn";
            var from = settings.ConfigFile is null ? "the harness's base config" : settings.ConfigFile;
            throw new CliException(
                $"--kratos-image {image} can not run {shown} ({from}): Kratos's -distroless images are built without SQLite, and memory is SQLite in memory. "
                + $"Use the alpine image ({image.Replace("-distroless", string.Empty, StringComparison.Ordinal)}), or give --config with a PostgreSQL, MySQL or CockroachDB dsn.");
        }
    }

    /// <summary>oryd/kratos:v26.2.0-distroless (the tag, not the repository, says it).</summary>
    public static bool IsDistroless(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') && name[(colon + 1)..].Contains("distroless", StringComparison.OrdinalIgnoreCase);
    }
}
