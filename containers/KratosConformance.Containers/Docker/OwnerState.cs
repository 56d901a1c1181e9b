namespace KratosConformance.Containers;

/// <summary>What can be told of a resource's owner from here.</summary>
public enum OwnerState
{
    /// <summary>The owning process still runs: its resources are in use.</summary>
    Alive,

    /// <summary>The owning process is gone (exited, killed, or the machine rebooted): its resources are leftovers.</summary>
    Gone,

    /// <summary>Can not be told from here (another PID namespace, no /proc): its resources are left alone.</summary>
    Unknown,
}
