namespace KratosConformance.Containers;

/// <summary>MailHog has no settings beyond the container's own; the class keeps the module shape of Testcontainers.</summary>
public sealed class MailHogConfiguration : ContainerConfiguration
{
    public MailHogConfiguration()
    {
    }

    public MailHogConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailHogConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailHogConfiguration(MailHogConfiguration resourceConfiguration)
        : this(new MailHogConfiguration(), resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailHogConfiguration(MailHogConfiguration oldValue, MailHogConfiguration newValue)
        : base(oldValue, newValue)
    {
    }
}
