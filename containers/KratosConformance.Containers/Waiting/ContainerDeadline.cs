namespace KratosConformance.Containers;

/// <summary>
/// A named limit of the containers project, from <see cref="ContainerPatience" />. Its <see cref="Expired" /> text names
/// the deadline, its length and the setting that raises it, so a container that "timed out" says which wait and how to
/// give it more time.
/// </summary>
public sealed record ContainerDeadline(string Name, TimeSpan Limit, ContainerPatience Patience)
{
    /// <summary>"the Kratos ready deadline (60 s at patience 1; raise it with --patience 2 (or KC_PATIENCE=2))".</summary>
    public string Expired =>
        $"the {Name} deadline ({Seconds(Limit)} at patience {Patience}; raise it with {Patience.HowToRaise})";

    private static string Seconds(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
