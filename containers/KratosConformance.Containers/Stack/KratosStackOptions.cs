namespace KratosConformance.Containers;

/// <summary>What to start. Defaults are the images that run on this project's machines: the double and smtp4dev.</summary>
public sealed record KratosStackOptions
{
    public string KratosImage { get; init; } = LocalImages.DoubleLocalTag;

    public MailSinkKind Mail { get; init; } = MailSinkKind.Smtp4dev;

    /// <summary>Null: the sink's default image (smtp4dev: the local build; Mailpit/MailHog: the pinned upstream tag).</summary>
    public string? MailImage { get; init; }

    public IReadOnlyList<KratosProfile> Profiles { get; init; } = [];

    /// <summary>Extra environment for every Kratos (e.g. LOG_LEVEL=debug).</summary>
    public IReadOnlyDictionary<string, string> KratosEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The run's patience: scales Kratos's ready and migration deadlines (the mail sink's reads KC_PATIENCE).</summary>
    public ContainerPatience Patience { get; init; } = ContainerPatience.FromEnvironment();
}
