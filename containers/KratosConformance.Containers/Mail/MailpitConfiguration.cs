namespace KratosConformance.Containers;

/// <summary>Mailpit has no settings beyond the container's own; the class keeps the module shape of Testcontainers.</summary>
public sealed class MailpitConfiguration : ContainerConfiguration
{
    public MailpitConfiguration()
    {
    }

    public MailpitConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailpitConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailpitConfiguration(MailpitConfiguration resourceConfiguration)
        : this(new MailpitConfiguration(), resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public MailpitConfiguration(MailpitConfiguration oldValue, MailpitConfiguration newValue)
        : base(oldValue, newValue)
    {
    }
}
