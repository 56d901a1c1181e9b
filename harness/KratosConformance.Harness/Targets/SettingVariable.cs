namespace KratosConformance.Harness.Targets;

/// <summary>One row of the settings contract: a KC_* variable, what it means, and how it maps to the typed property.</summary>
/// <param name="Name">The environment variable, e.g. KC_TARGET.</param>
/// <param name="Meaning">One line for help texts and docs.</param>
/// <param name="Write">The variable's value for a settings object; null when unset (the variable is then absent).</param>
/// <param name="Read">Applies a value; throws <see cref="HarnessSettingsException"/> naming the variable and the fix.</param>
public sealed record SettingVariable(
    string Name,
    string Meaning,
    Func<HarnessSettings, string?> Write,
    Func<HarnessSettings, string, HarnessSettings> Read);
