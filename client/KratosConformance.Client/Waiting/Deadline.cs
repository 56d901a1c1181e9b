using System.Globalization;

namespace KratosConformance.Client.Waiting;

/// <summary>
/// A named limit derived from <see cref="Waiting.Patience"/>. When it expires, its <see cref="Expired"/> text names
/// the deadline, its length and the setting that raises it, so "timed out" is never the whole story.
/// </summary>
public sealed record Deadline(string Name, TimeSpan Limit, Patience Patience)
{
    /// <summary>"the login-code mail deadline (10 s at patience 1; raise it with --patience 2 (or KC_PATIENCE=2))".</summary>
    public string Expired =>
        $"the {Name} deadline ({Seconds(Limit)} at patience {Patience}; raise it with {Patience.HowToRaise})";

    /// <summary>A deadline not tied to a run's settings, for self-tests and tools: patience 1.</summary>
    public static Deadline Fixed(string name, TimeSpan limit) => new(name, limit, Patience.Default);

    private static string Seconds(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
