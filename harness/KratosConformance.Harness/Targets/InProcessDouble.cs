using Kratos.Double;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Harness.Targets;

/// <summary>
/// The reference double started in this process with a composed profile: its identity schema written where the
/// composed kratos.yml points, bound to 127.0.0.1 on the ports the wiring names (so serve.*.base_url is right).
/// </summary>
public static class InProcessDouble
{
    /// <summary>
    /// Composes <paramref name="profile"/> with <paramref name="wiring"/> (the schema directory is set here),
    /// writes the schema into <paramref name="schemaDirectory"/> and starts the double. Only what the harness passes
    /// configures it: a developer's shell variables must not change the double under test.
    /// </summary>
    public static async Task<(KratosDoubleHost Host, ComposedProfile Profile)> StartAsync(
        ProfileComposer composer,
        string profile,
        HarnessWiring wiring,
        string schemaDirectory,
        Action<KratosDoubleOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(wiring);
        var composed = composer.Compose(profile, wiring with { SchemaDirectoryUrl = HarnessWiring.InProcessSchemaDirectory(schemaDirectory) });
        await File.WriteAllTextAsync(Path.Combine(schemaDirectory, composed.SchemaFileName), composed.IdentitySchemaJson, cancellationToken).ConfigureAwait(false);
        var options = new KratosDoubleOptions
        {
            ConfigYaml = composed.KratosYml,
            Dev = wiring.Dev,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal),
            BindAddress = "127.0.0.1",
            PublicPort = wiring.PublicBaseUrl.Port,
            AdminPort = wiring.AdminBaseUrl.Port,
        };
        configure?.Invoke(options);
        var host = await KratosDoubleHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return (host, composed);
    }
}
