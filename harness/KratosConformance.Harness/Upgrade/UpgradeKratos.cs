using KratosConformance.Client;

namespace KratosConformance.Harness.Upgrade;

/// <summary>
/// One Kratos version serving the upgrade's database: where it answers, its facts, the mailbox the seeding reads, and
/// the mail URL a suite run against it uses. Disposing stops it and leaves the database as it is.
/// </summary>
public sealed class UpgradeKratos(string version, KratosDeployment deployment, string mailUrl, string configFile, string description, Func<ValueTask> stop) : IAsyncDisposable
{
    /// <summary>The kratos.yml this Kratos runs with (UI URLs, courier, lifespans): a suite run reads its facts from it (<c>--config</c>).</summary>
    public string ConfigFile { get; } = configFile;

    public string Version { get; } = version;
    public KratosDeployment Deployment { get; } = deployment;

    /// <summary>What a suite run reads this Kratos's mail with (<c>--mail-url</c>).</summary>
    public string MailUrl { get; } = mailUrl;

    public string Description { get; } = description;

    public ValueTask DisposeAsync() => stop();
}
