namespace Kratos.Double.Courier.Jsonnet;

/// <summary>
/// A body template the double can not read (a construct outside its subset, a syntax error) or that failed while it
/// ran (an <c>error</c> expression, a type error). The message names the position and, for an unsupported construct,
/// what the double evaluates instead.
/// </summary>
internal sealed class JsonnetException(string message) : Exception(message)
{
    /// <summary>
    /// What the double's evaluator supports (docs/kratos-facts.md "SMS through the courier's HTTP channel"): enough for
    /// every body template Kratos documents (courier/stub/*.jsonnet, the config schema's default body, the e2e
    /// <c>function(ctx) { ctx: ctx }</c>) and the usual gateway templates built from them.
    /// </summary>
    public const string Subset =
        "function(ctx) with an object or any expression; local bindings; object fields with : :: and [computed] keys; "
        + "arrays; strings, numbers, true, false, null; . and [] access; if/then/else; error; "
        + "+ - * / % (string formatting with %s and %d), == != < <= > >=, && || !, in; "
        + "std.length, std.toString, std.objectHas, std.objectHasAll, std.join, std.startsWith, std.endsWith, "
        + "std.asciiLower, std.asciiUpper, std.substr, std.isString, std.isNumber, std.isObject, std.isArray, std.isBoolean, std.format";
}
