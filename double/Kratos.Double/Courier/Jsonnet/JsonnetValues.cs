using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kratos.Double.Courier.Jsonnet;

/// <summary>
/// Values between JSON and the evaluator, and the output as go-jsonnet manifests it (vm.EvaluateAnonymousSnippet:
/// object fields sorted, three-space indent, <c>{ }</c> and <c>[ ]</c> for empty ones, integers without a fraction,
/// non-ASCII text unescaped, a final newline).
/// </summary>
internal static class JsonnetValues
{
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                var obj = new JsonnetObject();
                foreach (var (k, v) in o)
                {
                    obj.Fields[k] = (false, FromJson(v));
                }

                return obj;
            case JsonArray a:
                return a.Select(FromJson).ToList();
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => v.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => null,
                };
            default:
                return null;
        }
    }

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        double => "number",
        string => "string",
        List<object?> => "array",
        JsonnetObject => "object",
        JsonnetFunction => "function",
        _ => value.GetType().Name,
    };

    public static string Manifest(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, string.Empty);
        return sb.Append('\n').ToString();
    }

    /// <summary>std.toString: strings as they are, everything else as its one-line JSON.</summary>
    public static string ToText(object? value) => value is string s ? s : Compact(value);

    public static string Number(double d) =>
        Math.Floor(d) == d && Math.Abs(d) < 1e17
            ? d.ToString("F0", CultureInfo.InvariantCulture)
            : d.ToString("G17", CultureInfo.InvariantCulture);

    private static string Compact(object? value)
    {
        var sb = new StringBuilder();
        switch (value)
        {
            case List<object?> list:
                sb.Append('[').AppendJoin(", ", list.Select(Compact)).Append(']');
                break;
            case JsonnetObject obj:
                var visible = obj.Fields.Where(f => !f.Value.Hidden).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
                sb.Append(visible.Count == 0 ? "{ }" : "{" + string.Join(", ", visible.Select(f => Quote(f.Key) + ": " + Compact(f.Value.Value))) + "}");
                break;
            default:
                Write(sb, value, string.Empty);
                break;
        }

        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, string indent)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(Number(d));
                break;
            case string s:
                sb.Append(Quote(s));
                break;
            case List<object?> list when list.Count == 0:
                sb.Append("[ ]");
                break;
            case List<object?> list:
                sb.Append("[\n");
                for (var k = 0; k < list.Count; k++)
                {
                    sb.Append(indent).Append("   ");
                    Write(sb, list[k], indent + "   ");
                    sb.Append(k < list.Count - 1 ? ",\n" : "\n");
                }

                sb.Append(indent).Append(']');
                break;
            case JsonnetObject obj:
                var fields = obj.Fields.Where(f => !f.Value.Hidden).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
                if (fields.Count == 0)
                {
                    sb.Append("{ }");
                    break;
                }

                sb.Append("{\n");
                for (var k = 0; k < fields.Count; k++)
                {
                    sb.Append(indent).Append("   ").Append(Quote(fields[k].Key)).Append(": ");
                    Write(sb, fields[k].Value.Value, indent + "   ");
                    sb.Append(k < fields.Count - 1 ? ",\n" : "\n");
                }

                sb.Append(indent).Append('}');
                break;
            case JsonnetFunction f:
                throw new JsonnetException($"the template's result contains a function ({f.Name}), which can not be manifested as JSON");
        }
    }

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
