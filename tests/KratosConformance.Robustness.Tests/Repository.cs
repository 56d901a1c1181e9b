using KratosConformance.Harness.Paths;

namespace KratosConformance.Robustness.Tests;

/// <summary>The checkout the tests run in: fixtures, the kc script.</summary>
internal static class Repository
{
    public static string Root => RepositoryLayout.RequireRoot();

    public static string Profiles => Path.Combine(Root, "fixtures", "profiles");

    public static string BaseConfig => File.ReadAllText(Path.Combine(Profiles, "base", "kratos.yml"));

    public static string BaseSchema => File.ReadAllText(Path.Combine(Profiles, "base", "identity.schema.json"));
}
