using System.Text.RegularExpressions;

namespace KratosConformance.Conventions.Tests;

/// <summary>
/// Which namespace of ours uses which, read from the source: a file in namespace A depends on namespace B when it
/// names a type declared in B that is visible to it (through a using directive, its own namespace or a parent
/// namespace, as the C# compiler resolves names). Comments and string literals are left out, so a mention in prose
/// is not a dependency. Text-based on purpose: cheap, no compiler needed, and exact enough for our one-type-per-file
/// code, whose type names are unique per namespace.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), List<string>> _evidence = [];

    private NamespaceGraph()
    {
    }

    /// <summary>Namespace → the namespaces it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    /// <summary>Builds the graph of <paramref name="files"/>.</summary>
    public static NamespaceGraph Build(IEnumerable<string> files)
    {
        var sources = files.Select(f => new SourceFile(f, Strip(File.ReadAllText(f)))).Where(s => s.Namespace is not null).ToList();
        var declared = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var s in sources)
        {
            foreach (Match m in TypeDeclaration().Matches(s.Code))
            {
                var name = m.Groups["name"].Value;
                if (!declared.TryGetValue(name, out var namespaces))
                {
                    declared[name] = namespaces = [];
                }

                if (!namespaces.Contains(s.Namespace!))
                {
                    namespaces.Add(s.Namespace!);
                }
            }
        }

        var graph = new NamespaceGraph();
        foreach (var s in sources)
        {
            var visible = Visible(s);
            foreach (var word in Identifier().Matches(s.Code).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (!declared.TryGetValue(word, out var namespaces))
                {
                    continue;
                }

                // The namespace the compiler would bind the name to: the file's own, else the nearest visible one.
                var target = namespaces.Contains(s.Namespace!) ? s.Namespace! : namespaces.FirstOrDefault(visible.Contains);
                if (target is not null && target != s.Namespace)
                {
                    graph.Add(s.Namespace!, target, $"{Path.GetFileName(s.Path)} uses {word}");
                }
            }
        }

        return graph;
    }

    /// <summary>Every cycle, as the namespaces of one strongly connected component, with the uses that close it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var inside = component.ToHashSet(StringComparer.Ordinal);
            var uses = _evidence
                .Where(e => inside.Contains(e.Key.From) && inside.Contains(e.Key.To))
                .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => $"    {e.Key.From} → {e.Key.To}: {string.Join("; ", e.Value.Take(3))}");
            cycles.Add($"{string.Join(" ⇄ ", component.Order(StringComparer.Ordinal))}\n{string.Join("\n", uses)}");
        }

        return cycles;
    }

    private void Add(string from, string to, string why)
    {
        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
        }

        targets.Add(to);
        if (!_evidence.TryGetValue((from, to), out var list))
        {
            _evidence[(from, to)] = list = [];
        }

        list.Add(why);
    }

    /// <summary>Tarjan's algorithm over the namespace graph.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).ToList();

        void Visit(string v)
        {
            indexes[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges.TryGetValue(v, out var ws) ? ws : [])
            {
                if (!indexes.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == indexes[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !indexes.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }

    private static HashSet<string> Visible(SourceFile s)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in UsingDirective().Matches(s.Code))
        {
            visible.Add(m.Groups["ns"].Value);
        }

        // Parent namespaces are in scope without a using; so are fully qualified names, which the word scan sees as
        // the type name after the dots.
        var parts = s.Namespace!.Split('.');
        for (var i = 1; i < parts.Length; i++)
        {
            visible.Add(string.Join('.', parts.Take(i)));
        }

        foreach (Match m in QualifiedName().Matches(s.Code))
        {
            visible.Add(m.Groups["ns"].Value);
        }

        return visible;
    }

    /// <summary>Removes comments and string literals, so only code remains.</summary>
    private static string Strip(string code) => CommentOrString().Replace(code, m => m.Value.StartsWith('/') ? " " : "\"\"");

    private sealed record SourceFile(string Path, string Code)
    {
        public string? Namespace { get; } = FileNamespace().Match(Code) is { Success: true } m ? m.Groups["ns"].Value : null;
    }

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^(?:global\s+)?using\s+(?!static\b)(?<ns>[\w.]+)\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?<ns>(?:KratosConformance|Kratos)\.[\w.]+?)\.[A-Z]\w*", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(?<name>[A-Z]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""""""[\s\S]*?""""""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommentOrString();
}
