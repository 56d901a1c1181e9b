using System.Text;

namespace Kratos.Double.Courier.Jsonnet;

/// <summary>The std functions of the subset, with the Jsonnet standard library's semantics.</summary>
internal static class JsonnetStd
{
    /// <summary>The value the name <c>std</c> stands for; indexing it yields the functions below.</summary>
    internal sealed class StdLibrary
    {
    }

    public static readonly StdLibrary Library = new();

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "length", "toString", "objectHas", "objectHasAll", "join", "startsWith", "endsWith", "asciiLower", "asciiUpper", "substr",
        "isString", "isNumber", "isBoolean", "isObject", "isArray", "format",
    };

    /// <summary>Whether <c>std.&lt;name&gt;</c> is in the subset; the parser refuses the others when the config is loaded.</summary>
    public static bool IsKnown(string name) => Names.Contains(name);

    public static JsonnetFunction Function(string name, Token at) => name switch
    {
        "length" => new(name, 1, a => a[0] switch
        {
            string s => (double)s.Length,
            List<object?> l => (double)l.Count,
            JsonnetObject o => (double)o.Fields.Count(f => !f.Value.Hidden),
            JsonnetFunction f => (double)f.Arity,
            var v => throw JsonnetEvaluator.Fail(at, $"std.length of {JsonnetValues.TypeName(v)}"),
        }),
        "toString" => new(name, 1, a => JsonnetValues.ToText(a[0])),
        "objectHas" => new(name, 2, a => Obj(a[0], at).Has(Str(a[1], at), includeHidden: false)),
        "objectHasAll" => new(name, 2, a => Obj(a[0], at).Has(Str(a[1], at), includeHidden: true)),
        "join" => new(name, 2, a => string.Join(Str(a[0], at), List(a[1], at).Where(x => x is not null).Select(x => Str(x, at)))),
        "startsWith" => new(name, 2, a => Str(a[0], at).StartsWith(Str(a[1], at), StringComparison.Ordinal)),
        "endsWith" => new(name, 2, a => Str(a[0], at).EndsWith(Str(a[1], at), StringComparison.Ordinal)),
        "asciiLower" => new(name, 1, a => AsciiCase(Str(a[0], at), lower: true)),
        "asciiUpper" => new(name, 1, a => AsciiCase(Str(a[0], at), lower: false)),
        "substr" => new(name, 3, a => Substr(Str(a[0], at), Num(a[1], at), Num(a[2], at))),
        "isString" => new(name, 1, a => a[0] is string),
        "isNumber" => new(name, 1, a => a[0] is double),
        "isBoolean" => new(name, 1, a => a[0] is bool),
        "isObject" => new(name, 1, a => a[0] is JsonnetObject),
        "isArray" => new(name, 1, a => a[0] is List<object?>),
        "format" => new(name, 2, a => Format(Str(a[0], at), a[1], at)),
        _ => throw new JsonnetException($"std.{name} at {at.Where} is outside the double's Jsonnet subset (supported: {JsonnetException.Subset})"),
    };

    public static bool Equal(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (bool l, bool r) => l == r,
        (double l, double r) => l.Equals(r),
        (string l, string r) => string.Equals(l, r, StringComparison.Ordinal),
        (List<object?> l, List<object?> r) => l.Count == r.Count && l.Zip(r).All(p => Equal(p.First, p.Second)),
        (JsonnetObject l, JsonnetObject r) => l.Fields.Where(f => !f.Value.Hidden).Count() == r.Fields.Where(f => !f.Value.Hidden).Count()
            && l.Fields.Where(f => !f.Value.Hidden).All(f => r.Has(f.Key, false) && Equal(f.Value.Value, r.Fields[f.Key].Value)),
        _ => false,
    };

    public static int Compare(object? left, object? right, Token at) => (left, right) switch
    {
        (double l, double r) => l.CompareTo(r),
        (string l, string r) => string.CompareOrdinal(l, r),
        _ => throw JsonnetEvaluator.Fail(at, $"can not compare {JsonnetValues.TypeName(left)} with {JsonnetValues.TypeName(right)}"),
    };

    /// <summary>std.format / the % operator for %s, %d and %%; other conversions are refused by name.</summary>
    public static string Format(string format, object? values, Token at)
    {
        var args = values as List<object?> ?? [values];
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                sb.Append(format[i]);
                continue;
            }

            var conversion = i + 1 < format.Length ? format[++i] : throw JsonnetEvaluator.Fail(at, "a format string ends in %");
            if (conversion == '%')
            {
                sb.Append('%');
                continue;
            }

            if (next >= args.Count)
            {
                throw JsonnetEvaluator.Fail(at, "not enough values for the format string");
            }

            var value = args[next++];
            sb.Append(conversion switch
            {
                's' => JsonnetValues.ToText(value),
                'd' => value is double d ? JsonnetValues.Number(Math.Truncate(d)) : throw JsonnetEvaluator.Fail(at, "%d needs a number"),
                _ => throw new JsonnetException($"the format conversion %{conversion} at {at.Where} is outside the double's Jsonnet subset (%s, %d, %%)"),
            });
        }

        return next < args.Count ? throw JsonnetEvaluator.Fail(at, "too many values for the format string") : sb.ToString();
    }

    private static string AsciiCase(string s, bool lower) =>
        string.Concat(s.Select(c => lower ? (char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c) : (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)));

    private static string Substr(string s, double from, double length)
    {
        var start = Math.Clamp((int)from, 0, s.Length);
        return s.Substring(start, Math.Clamp((int)length, 0, s.Length - start));
    }

    private static JsonnetObject Obj(object? v, Token at) => v as JsonnetObject ?? throw JsonnetEvaluator.Fail(at, $"expected an object, got {JsonnetValues.TypeName(v)}");

    private static string Str(object? v, Token at) => v as string ?? throw JsonnetEvaluator.Fail(at, $"expected a string, got {JsonnetValues.TypeName(v)}");

    private static double Num(object? v, Token at) => v as double? ?? throw JsonnetEvaluator.Fail(at, $"expected a number, got {JsonnetValues.TypeName(v)}");

    private static List<object?> List(object? v, Token at) => v as List<object?> ?? throw JsonnetEvaluator.Fail(at, $"expected an array, got {JsonnetValues.TypeName(v)}");
}
