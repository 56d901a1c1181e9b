using System.Reflection;
using KratosConformance.Cli.Errors;
using KratosConformance.Client.Waiting;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Checks --ui-selectors with the browser suite's own code (in the suites assembly, which the CLI loads by path and
/// does not reference): UiSelectors.Load reads the map (a JSON object of known element names to selectors), then
/// UiSelectorSyntax.CheckAsync has Playwright and Chromium parse every selector. One reader and the browser's own
/// parser, so the CLI can not accept a map the suite then refuses in every browser test.
/// </summary>
public static class SelectorMapCheck
{
    public const string ReaderType = "KratosConformance.Suites.Browser.UiSelectors";
    public const string SyntaxType = "KratosConformance.Suites.Browser.UiSelectorSyntax";

    /// <summary>The map's shape: names, non-empty selectors, placeholders (no browser).</summary>
    public static void Check(string? selectorFile)
    {
        if (selectorFile is null)
        {
            return;
        }

        var load = Method(ReaderType, "Load", [typeof(string)]);
        try
        {
            load.Invoke(null, [selectorFile]);
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException problem)
        {
            throw new CliException($"--ui-selectors: {problem.Message}");
        }
    }

    /// <summary>
    /// Every selector's syntax (after <see cref="Check"/>), parsed by Playwright in Debian's Chromium (or the
    /// --browser-ws server's browser), launched once within the "selector map check" deadline.
    /// </summary>
    public static async Task CheckSyntaxAsync(string? selectorFile, Uri? browserWs, Patience patience, CancellationToken cancellationToken)
    {
        if (selectorFile is null)
        {
            return;
        }

        var parse = Method(SyntaxType, "CheckAsync", [typeof(string), typeof(Uri), typeof(Patience), typeof(CancellationToken)]);
        try
        {
            await ((Task)parse.Invoke(null, [selectorFile, browserWs, patience, cancellationToken])!).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException and not ObjectDisposedException or DeadlineExpiredException)
        {
            throw new CliException($"--ui-selectors: {e.Message}");
        }
    }

    private static MethodInfo Method(string type, string name, Type[] parameters) =>
        SuiteAssembly.Get().GetType(type)?.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new InvalidOperationException($"{type}.{name} is missing from the suites assembly: the selector map can not be checked.");
}
