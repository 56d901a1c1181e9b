using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace KratosConformance.Runner;

/// <summary>
/// Selects conformance tests: those carrying a ConformanceId property (self-tests of the suites' checks have none),
/// optionally narrowed by id patterns ("login.code-mfa.aal2.*") and by client.
/// </summary>
public sealed class ConformanceTestFilter : TestFilter
{
    private readonly IReadOnlyList<string> _patterns;
    private readonly bool _includeBrowser;

    public ConformanceTestFilter(IReadOnlyList<string> patterns, bool includeBrowser)
    {
        _patterns = patterns;
        _includeBrowser = includeBrowser;
    }

    public override bool Match(ITest test)
    {
        if (test.Properties.Get(PropertyNames.ConformanceId) is not string id)
        {
            return false;
        }

        if (!_includeBrowser && id.EndsWith(".browser-ui", StringComparison.Ordinal))
        {
            return false;
        }

        return _patterns.Count == 0 || _patterns.Any(p => IdPattern.Matches(p, id));
    }

    public override TNode AddToXml(TNode parentNode, bool recursive) => parentNode.AddElement("conformance");
}
