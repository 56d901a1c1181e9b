namespace KratosConformance.Containers;

/// <summary>Smtp4dev has no settings beyond the container's own; the class keeps the module shape of Testcontainers.</summary>
public sealed class Smtp4devConfiguration : ContainerConfiguration
{
    public Smtp4devConfiguration()
    {
    }

    public Smtp4devConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public Smtp4devConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public Smtp4devConfiguration(Smtp4devConfiguration resourceConfiguration)
        : this(new Smtp4devConfiguration(), resourceConfiguration)
    {
        // Passes the configuration upwards to the base implementations to create an updated immutable copy.
    }

    public Smtp4devConfiguration(Smtp4devConfiguration oldValue, Smtp4devConfiguration newValue)
        : base(oldValue, newValue)
    {
    }
}
