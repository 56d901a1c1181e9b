using KratosConformance.Cli.Options;
using KratosConformance.Reports.Compare;

namespace KratosConformance.Cli.Commands;

/// <summary>kc compare: what changed between two runs (an upgrade certification: same suite, two Kratos versions).</summary>
public static class CompareCommand
{
    private static readonly OptionParser Parser = new(
        "compare",
        "Usage: ./kc compare <run A> <run B> [--out <dir>]\n\nCompares two run folders (reports/out/<run-id>, or their results.json): tests whose outcome changed,\nand for tests in both runs the message ids, message texts, states and status codes that changed at each step.\nPrints the comparison and writes compare.md and compare.html.",
        [new("out", "<dir>", "Where to write compare.md and compare.html (default: the folder of run B).")]);

    public static int Run(IReadOnlyList<string> args)
    {
        var o = Parser.Parse(args);
        if (o.Has("help"))
        {
            Console.Out.Write(Parser.Help());
            return 0;
        }

        if (o.Positionals.Count != 2)
        {
            throw new CliException($"kc compare needs exactly two run folders, got {o.Positionals.Count}. Example: ./kc compare reports/out/20261128-101500-ab12 reports/out/latest");
        }

        var a = RunFolder(o.Positionals[0]);
        var b = RunFolder(o.Positionals[1]);
        var comparison = RunComparer.Compare(a, b);
        var outDir = Path.GetFullPath(o.Get("out") ?? b);
        Directory.CreateDirectory(outDir);
        var md = ComparisonMarkdownWriter.WriteAsync(comparison, outDir).GetAwaiter().GetResult();
        var html = ComparisonHtmlWriter.WriteAsync(comparison, outDir).GetAwaiter().GetResult();
        Console.Out.Write(ComparisonTextWriter.Render(comparison));
        Console.Out.WriteLine($"written: {md}");
        Console.Out.WriteLine($"written: {html}");
        return 0;
    }

    private static string RunFolder(string arg)
    {
        var full = Path.GetFullPath(arg);
        if (File.Exists(full) && Path.GetFileName(full) == "results.json")
        {
            full = Path.GetDirectoryName(full)!;
        }

        if (!File.Exists(Path.Combine(full, "results.json")))
        {
            throw new CliException($"'{arg}' is not a run folder: {Path.Combine(full, "results.json")} does not exist. Give a folder written by ./kc run (reports/out/<run-id>).");
        }

        return full;
    }
}
