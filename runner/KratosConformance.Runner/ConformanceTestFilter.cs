using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace KratosConformance.Runner;

/// <summary>
/// Selects conformance tests: those carrying a ConformanceId property (self-tests of the suites' checks have none),
/// optionally narrowed by id patterns ("login.code-mfa.aal2.*"), by client and to a shard's ids (<see cref="Within"/>).
/// </summary>
public sealed class ConformanceTestFilter : TestFilter
{
    private readonly IReadOnlyList<string> _patterns;
    private readonly bool _includeBrowser;
    private readonly IReadOnlySet<string>? _ids;

    public ConformanceTestFilter(IReadOnlyList<string> patterns, bool includeBrowser)
        : this(patterns, includeBrowser, null)
    {
    }

    private ConformanceTestFilter(IReadOnlyList<string> patterns, bool includeBrowser, IReadOnlySet<string>? ids)
    {
        _patterns = patterns;
        _includeBrowser = includeBrowser;
        _ids = ids;
    }

    /// <summary>This selection narrowed to <paramref name="ids"/> (a shard's tests).</summary>
    public ConformanceTestFilter Within(IReadOnlySet<string> ids) => new(_patterns, _includeBrowser, ids);

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

        if (_ids is not null && !_ids.Contains(id))
        {
            return false;
        }

        return _patterns.Count == 0 || _patterns.Any(p => IdPattern.Matches(p, id));
    }

    public override TNode AddToXml(TNode parentNode, bool recursive) => parentNode.AddElement("conformance");
}
