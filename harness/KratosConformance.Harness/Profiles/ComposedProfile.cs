using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// A kratos.yml ready to hand to a deployment, its identity schema (to be placed as <see cref="SchemaFileName"/> in
/// the wired schema directory), the facts expectations depend on, and every change the harness made to the user's or
/// the base config, in words, so nothing about the deployment under test is changed silently.
/// </summary>
public sealed record ComposedProfile(string Name, string KratosYml, string IdentitySchemaJson, string SchemaFileName, KratosFacts Facts, IReadOnlyList<string> Changes)
{
    /// <summary>
    /// For a Kratos in a container: every other file the config names (file name in the config directory → content),
    /// which the kratos.yml now points at there (<see cref="ReferencedFiles"/>). Empty elsewhere.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConfigFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the composed config has an sms courier channel (courier.channels[].id sms): its deployment needs an SMS sink.</summary>
    public bool UsesSms { get; init; }
}
