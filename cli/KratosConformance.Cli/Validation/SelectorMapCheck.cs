using System.Reflection;
using KratosConformance.Cli.Errors;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Checks --ui-selectors with the browser suite's own reader (UiSelectors.Load in the suites assembly, which the CLI
/// loads by path and does not reference): a JSON object of known element names to CSS selectors. One reader, so the
/// CLI can not accept a map the suite then refuses in every browser test.
/// </summary>
public static class SelectorMapCheck
{
    public const string ReaderType = "KratosConformance.Suites.Browser.UiSelectors";

    public static void Check(string? selectorFile)
    {
        if (selectorFile is null)
        {
            return;
        }

        var load = SuiteAssembly.Get().GetType(ReaderType)?.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?? throw new InvalidOperationException($"{ReaderType}.Load(string) is missing from the suites assembly: the selector map can not be checked.");
        try
        {
            load.Invoke(null, [selectorFile]);
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException problem)
        {
            throw new CliException($"--ui-selectors: {problem.Message}");
        }
    }
}
