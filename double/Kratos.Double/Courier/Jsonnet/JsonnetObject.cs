namespace Kratos.Double.Courier.Jsonnet;

/// <summary>An evaluated object: fields in definition order with their visibility (<c>::</c> hides a field from the output).</summary>
internal sealed class JsonnetObject
{
    public Dictionary<string, (bool Hidden, object? Value)> Fields { get; } = new(StringComparer.Ordinal);

    public bool Has(string name, bool includeHidden) => Fields.TryGetValue(name, out var f) && (includeHidden || !f.Hidden);

    /// <summary>The right side's fields win, as in <c>a + b</c>; a field keeps its visibility unless redefined.</summary>
    public static JsonnetObject Merge(JsonnetObject left, JsonnetObject right)
    {
        var merged = new JsonnetObject();
        foreach (var (k, v) in left.Fields)
        {
            merged.Fields[k] = v;
        }

        foreach (var (k, v) in right.Fields)
        {
            merged.Fields[k] = v;
        }

        return merged;
    }
}

/// <summary>A function value: a template's own function or one of the std built-ins.</summary>
internal sealed record JsonnetFunction(string Name, int Arity, Func<IReadOnlyList<object?>, object?> Invoke);
