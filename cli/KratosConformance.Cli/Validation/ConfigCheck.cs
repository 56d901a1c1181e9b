using System.Text.Json.Nodes;
using KratosConformance.Cli.Errors;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Profiles;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Checks --config and --schema before any test: the YAML parses (file, line, column), every profile the run composes
/// from it is a config Kratos v26.2.0 accepts, code MFA and passwordless code are not both on, and the identity schema
/// marks a code identifier for what the config enables. One message, naming the file and the fix; never one failed
/// test per scenario.
/// </summary>
public static class ConfigCheck
{
    private static readonly HarnessWiring Wiring = new()
    {
        PublicBaseUrl = new Uri("http://127.0.0.1:4433/"),
        AdminBaseUrl = new Uri("http://127.0.0.1:4434/"),
        SmtpConnectionUri = "smtp://127.0.0.1:1025/?disable_starttls=true",
        LoginUiUrl = new Uri("http://127.0.0.1:4455/login"),
        ErrorUiUrl = new Uri("http://127.0.0.1:4455/error"),
        DefaultReturnUrl = new Uri("http://127.0.0.1:4455/"),
    };

    public static void Check(HarnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ConfigFile is not { } configFile)
        {
            return; // the profiles in fixtures/ are checked against Kratos's schema by the self-tests
        }

        YamlJson.Parse(File.ReadAllText(configFile), configFile, "--config");
        var schemaFile = settings.SchemaFile ?? Path.Combine(RepositoryLayout.ProfilesDirectory, "base", "identity.schema.json");
        IdentitySchemaCheck.ParseOrThrow(schemaFile);
        var composer = new ProfileComposer(RepositoryLayout.ProfilesDirectory, configFile, settings.SchemaFile);
        var profiles = settings.Target == TargetKind.External ? [KratosProfiles.Default] : KratosProfiles.All;
        // A profile that does not apply to the team's config (its factor off, or its own identity schema) never runs
        // with it, so its overlay on the team's config is nothing the team deploys.
        foreach (var profile in profiles.Where(p => composer.WhyNotApplicable(p) is null))
        {
            ComposedProfile composed;
            try
            {
                composed = composer.Compose(profile, Wiring);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or InvalidCastException)
            {
                throw new CliException($"--config {configFile}: {e.Message}");
            }

            var config = YamlJson.Parse(composed.KratosYml, configFile, "--config");
            CheckCodeMethod(config, configFile);
            var problems = KratosConfigSchema.Problems(config);
            if (problems.Count > 0)
            {
                var shown = string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $"; … ({problems.Count - 3} more)" : string.Empty);
                var origin = profile == KratosProfiles.Default ? string.Empty : $" (with the harness's profile '{profile}' on top)";
                throw new CliException($"--config {configFile}{origin}: Kratos v26.2.0 refuses this config at start: {shown}. Fix these keys (schema: fixtures/reference/kratos-v26.2.0/config.schema.json).");
            }

            IdentitySchemaCheck.Check(schemaFile, config);
        }
    }

    /// <summary>
    /// Kratos's config schema forbids selfservice.methods.code.mfa_enabled and passwordless_enabled both true (an
    /// anyOf); the schema error for it is unreadable, so this says it in the keys' names.
    /// </summary>
    private static void CheckCodeMethod(JsonNode? config, string configFile)
    {
        var code = config?["selfservice"]?["methods"]?["code"];
        if (IsTrue(code?["mfa_enabled"]) && IsTrue(code?["passwordless_enabled"]))
        {
            throw new CliException($"--config {configFile}: selfservice.methods.code.mfa_enabled and selfservice.methods.code.passwordless_enabled are both true, which Kratos refuses. The suites test the code as a second factor: set passwordless_enabled: false.");
        }
    }

    internal static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
