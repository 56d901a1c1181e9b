namespace KratosConformance.Containers;

/// <summary>Creates the configured mail sink on the stack's network under the alias Kratos dials.</summary>
internal static class MailSinks
{
    public static IMailSinkContainer Build(MailSinkKind kind, string? image, INetwork network, string alias) => kind switch
    {
        MailSinkKind.Smtp4dev => new Smtp4devBuilder(image ?? Smtp4devBuilder.DefaultImage).WithNetwork(network).WithNetworkAliases(alias).Build(),
        MailSinkKind.Mailpit => new MailpitBuilder(image ?? MailpitBuilder.DefaultImage).WithNetwork(network).WithNetworkAliases(alias).Build(),
        MailSinkKind.MailHog => new MailHogBuilder(image ?? MailHogBuilder.DefaultImage).WithNetwork(network).WithNetworkAliases(alias).Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mail sink"),
    };

    public static int InternalSmtpPort(MailSinkKind kind) => kind == MailSinkKind.Smtp4dev ? Smtp4devBuilder.SmtpPort : MailpitBuilder.SmtpPort;

    public static string DefaultImage(MailSinkKind kind) => kind switch
    {
        MailSinkKind.Smtp4dev => Smtp4devBuilder.DefaultImage,
        MailSinkKind.Mailpit => MailpitBuilder.DefaultImage,
        _ => MailHogBuilder.DefaultImage,
    };
}
