using System.Text.Json.Nodes;

namespace Kratos.Double.Courier.Jsonnet;

/// <summary>
/// A body template of the courier's HTTP channel, parsed once at config load (so an unsupported construct is a config
/// error, not a failed dispatch) and run per message with <c>ctx</c> (request/builder.go addJSONBody: vm.TLACode("ctx",
/// …) then EvaluateAnonymousSnippet).
/// </summary>
internal sealed class JsonnetTemplate
{
    private readonly Expr _expr;

    private JsonnetTemplate(string source, Expr expr)
    {
        Source = source;
        _expr = expr;
    }

    public string Source { get; }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="JsonnetException"/> naming the position and the subset.</summary>
    public static JsonnetTemplate Parse(string source) => new(source, JsonnetParser.Parse(source));

    /// <summary>The manifested JSON text (go-jsonnet's layout).</summary>
    public string Render(JsonNode ctx) => JsonnetValues.Manifest(JsonnetEvaluator.Run(_expr, JsonnetValues.FromJson(ctx)));

    /// <summary>The evaluated value, for the form-encoded body (a flat object of strings).</summary>
    public object? Evaluate(JsonNode ctx) => JsonnetEvaluator.Run(_expr, JsonnetValues.FromJson(ctx));
}
