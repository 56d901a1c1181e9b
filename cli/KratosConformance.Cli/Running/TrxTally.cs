using System.Xml.Linq;
using KratosConformance.Runner;

namespace KratosConformance.Cli.Running;

/// <summary>Counts test outcomes in the TRX files dotnet test wrote (its own summary line is not what CI reads).</summary>
public static class TrxTally
{
    public static TestTally Read(string directory, string part)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories) : [])
        {
            var doc = XDocument.Load(file);
            foreach (var result in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
            {
                switch ((string?)result.Attribute("outcome"))
                {
                    case "Passed":
                        passed++;
                        break;
                    case "NotExecuted" or "Inconclusive":
                        skipped++;
                        break;
                    default:
                        failed++;
                        break;
                }
            }
        }

        return new TestTally(part, passed, failed, skipped);
    }

    /// <summary>Names of failed tests with the first line of their message, for the end of ./kc test.</summary>
    public static IReadOnlyList<string> Failures(string directory)
    {
        var lines = new List<string>();
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories) : [])
        {
            var doc = XDocument.Load(file);
            foreach (var result in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string?)e.Attribute("outcome") == "Failed"))
            {
                var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? string.Empty;
                lines.Add($"{result.Attribute("testName")?.Value}: {message.Split('\n')[0].Trim()}");
            }
        }

        return lines;
    }
}
