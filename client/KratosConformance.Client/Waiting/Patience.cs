using System.Globalization;

namespace KratosConformance.Client.Waiting;

/// <summary>
/// The one knob behind every deadline of a run (<c>--patience &lt;factor&gt;</c>, <c>KC_PATIENCE</c>). Each wait names a
/// baseline that is generous for a loaded 2-core CI runner; the factor scales all of them together, so a slower
/// machine or a remote deployment needs one setting, not a hunt for constants. A verdict never depends on machine
/// speed: deadlines only decide when to give up on something that is not coming.
/// </summary>
public sealed record Patience
{
    /// <summary>The environment variable the suites read it from.</summary>
    public const string Variable = "KC_PATIENCE";

    /// <summary>The command-line option that sets it.</summary>
    public const string Option = "--patience";

    /// <summary>Smallest and largest factor accepted: below 0.1 every deadline is a guess, above 100 a hang.</summary>
    public const double Minimum = 0.1;
    public const double Maximum = 100;

    public Patience(double factor)
    {
        if (!double.IsFinite(factor) || factor < Minimum || factor > Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"patience must be a factor from {Minimum} to {Maximum}");
        }

        Factor = factor;
    }

    /// <summary>Factor 1: the baselines as written.</summary>
    public static Patience Default { get; } = new(1);

    /// <summary>How much longer than its baseline every deadline is.</summary>
    public double Factor { get; }

    /// <summary>The deadline named <paramref name="name"/> ("login-code mail", "smtp4dev start") for a baseline.</summary>
    public Deadline For(string name, TimeSpan baseline) => new(name, baseline * Factor, this);

    /// <summary>"--patience 2 (or KC_PATIENCE=2)": the setting that would double the current deadlines.</summary>
    public string HowToRaise
    {
        get
        {
            var next = (Factor * 2).ToString("0.##", CultureInfo.InvariantCulture);
            return $"{Option} {next} (or {Variable}={next})";
        }
    }

    /// <summary>Reads a factor as given on the command line or in <see cref="Variable"/>; null when it is not one.</summary>
    public static Patience? TryParse(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f) && f >= Minimum && f <= Maximum
            ? new Patience(f)
            : null;

    public override string ToString() => Factor.ToString("0.##", CultureInfo.InvariantCulture);
}
