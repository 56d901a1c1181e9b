using KratosConformance.Client.Kratos;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Harness.Profiles;

/// <summary>
/// A kratos.yml ready to hand to a deployment, its identity schema (to be placed as <see cref="SchemaFileName"/> in
/// the wired schema directory), the facts expectations depend on, and every change the harness made to the user's or
/// the base config, in words, so nothing about the deployment under test is changed silently.
/// </summary>
public sealed record ComposedProfile(string Name, string KratosYml, string IdentitySchemaJson, string SchemaFileName, KratosFacts Facts, IReadOnlyList<string> Changes);
