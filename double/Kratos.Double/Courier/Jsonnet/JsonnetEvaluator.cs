namespace Kratos.Double.Courier.Jsonnet;

/// <summary>
/// Evaluates a parsed template strictly (Jsonnet is lazy; for the subset's expressions the results are the same except
/// that an error in a field the output hides is raised here too). Names resolve through nested scopes; <c>std</c> is
/// the built-in library of <see cref="JsonnetStd"/>.
/// </summary>
internal static class JsonnetEvaluator
{
    private sealed record Scope(string Name, object? Value, Scope? Parent)
    {
        public bool TryFind(string name, out object? value)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                if (s.Name == name)
                {
                    value = s.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }

    /// <summary>The top-level value; a function is called with the top-level argument <c>ctx</c> (vm.TLACode("ctx", …)).</summary>
    public static object? Run(Expr template, object? ctx)
    {
        var value = Eval(template, null);
        if (value is JsonnetFunction f)
        {
            if (f.Arity != 1)
            {
                throw new JsonnetException($"the template's top-level function takes {f.Arity} parameters; Kratos passes one (ctx)");
            }

            return f.Invoke([ctx]);
        }

        return value;
    }

    private static object? Eval(Expr expr, Scope? scope)
    {
        switch (expr)
        {
            case LiteralExpr l:
                return l.Value;
            case VarExpr v:
                if (scope is not null && scope.TryFind(v.Name, out var found))
                {
                    return found;
                }

                return v.Name == "std" ? JsonnetStd.Library : throw Fail(v.At, $"unknown variable: {v.Name}");
            case LocalExpr l:
                return Eval(l.Body, Bind(l.Bindings, scope));
            case IfExpr i:
                return Truth(Eval(i.Condition, scope), i.At) ? Eval(i.Then, scope) : i.Else is null ? null : Eval(i.Else, scope);
            case FunctionExpr f:
                return new JsonnetFunction("function", f.Parameters.Count, args =>
                {
                    var inner = scope;
                    for (var k = 0; k < f.Parameters.Count; k++)
                    {
                        inner = new Scope(f.Parameters[k], k < args.Count ? args[k] : throw Fail(f.At, $"missing argument {f.Parameters[k]}"), inner);
                    }

                    return Eval(f.Body, inner);
                });
            case ErrorExpr e:
                throw Fail(e.At, "RUNTIME ERROR: " + JsonnetValues.ToText(Eval(e.Message, scope)));
            case ArrayExpr a:
                return a.Items.Select(item => Eval(item, scope)).ToList();
            case ObjectExpr o:
                return Object(o, scope);
            case IndexExpr i:
                return Index(Eval(i.Target, scope), Eval(i.Key, scope), i.At);
            case CallExpr c:
                var callee = Eval(c.Function, scope) as JsonnetFunction ?? throw Fail(c.At, "only functions can be called");
                if (c.Arguments.Count != callee.Arity && callee.Arity >= 0)
                {
                    throw Fail(c.At, $"{callee.Name} takes {callee.Arity} arguments, got {c.Arguments.Count}");
                }

                return callee.Invoke(c.Arguments.Select(a => Eval(a, scope)).ToList());
            case UnaryExpr u:
                var operand = Eval(u.Operand, scope);
                return u.Operator switch
                {
                    "!" => !Truth(operand, u.At),
                    "-" => operand is double d ? -d : throw Fail(u.At, "unary - needs a number"),
                    _ => operand is double p ? p : throw Fail(u.At, "unary + needs a number"),
                };
            case BinaryExpr b:
                return Binary(b, scope);
            default:
                throw Fail(expr.At, "unsupported expression");
        }
    }

    private static Scope? Bind(IReadOnlyList<(string Name, Expr Value)> bindings, Scope? scope)
    {
        foreach (var (name, value) in bindings)
        {
            scope = new Scope(name, Eval(value, scope), scope);
        }

        return scope;
    }

    private static JsonnetObject Object(ObjectExpr o, Scope? scope)
    {
        var inner = Bind(o.Locals, scope);
        var obj = new JsonnetObject();
        foreach (var field in o.Fields)
        {
            var key = Eval(field.Key, inner);
            if (key is null)
            {
                continue; // [null]: the field is omitted, as Jsonnet does.
            }

            if (key is not string name)
            {
                throw Fail(field.Key.At, $"field names must be strings, got {JsonnetValues.TypeName(key)}");
            }

            if (obj.Fields.ContainsKey(name))
            {
                throw Fail(field.Key.At, $"duplicate field name: \"{name}\"");
            }

            obj.Fields[name] = (field.Hidden, Eval(field.Value, inner));
        }

        return obj;
    }

    private static object? Index(object? target, object? key, Token at) => (target, key) switch
    {
        (JsonnetObject o, string name) => o.Fields.TryGetValue(name, out var f) ? f.Value : throw Fail(at, $"field does not exist: {name}"),
        (List<object?> list, double d) when d >= 0 && d < list.Count && Math.Floor(d) == d => list[(int)d],
        (List<object?> list, double d) => throw Fail(at, $"index {JsonnetValues.Number(d)} out of bounds, not within [0, {list.Count})"),
        (string s, double d) when d >= 0 && d < s.Length && Math.Floor(d) == d => s[(int)d].ToString(),
        (JsonnetStd.StdLibrary, string name) => JsonnetStd.Function(name, at),
        _ => throw Fail(at, $"can not index {JsonnetValues.TypeName(target)} with {JsonnetValues.TypeName(key)}"),
    };

    private static object? Binary(BinaryExpr b, Scope? scope)
    {
        var left = Eval(b.Left, scope);
        if (b.Operator == "&&")
        {
            return Truth(left, b.At) && Truth(Eval(b.Right, scope), b.At);
        }

        if (b.Operator == "||")
        {
            return Truth(left, b.At) || Truth(Eval(b.Right, scope), b.At);
        }

        var right = Eval(b.Right, scope);
        return (b.Operator, left, right) switch
        {
            ("==", _, _) => JsonnetStd.Equal(left, right),
            ("!=", _, _) => !JsonnetStd.Equal(left, right),
            ("in", string name, JsonnetObject o) => o.Has(name, includeHidden: true),
            ("+", string l, _) => l + JsonnetValues.ToText(right),
            ("+", _, string r) => JsonnetValues.ToText(left) + r,
            ("+", double l, double r) => l + r,
            ("+", List<object?> l, List<object?> r) => l.Concat(r).ToList(),
            ("+", JsonnetObject l, JsonnetObject r) => JsonnetObject.Merge(l, r),
            ("-", double l, double r) => l - r,
            ("*", double l, double r) => l * r,
            ("/", double l, double r) => r == 0 ? throw Fail(b.At, "division by zero") : l / r,
            ("%", double l, double r) => r == 0 ? throw Fail(b.At, "division by zero") : l % r,
            ("%", string l, _) => JsonnetStd.Format(l, right, b.At),
            ("<", _, _) => JsonnetStd.Compare(left, right, b.At) < 0,
            ("<=", _, _) => JsonnetStd.Compare(left, right, b.At) <= 0,
            (">", _, _) => JsonnetStd.Compare(left, right, b.At) > 0,
            (">=", _, _) => JsonnetStd.Compare(left, right, b.At) >= 0,
            _ => throw Fail(b.At, $"operator {b.Operator} does not apply to {JsonnetValues.TypeName(left)} and {JsonnetValues.TypeName(right)}"),
        };
    }

    private static bool Truth(object? value, Token at) =>
        value as bool? ?? throw Fail(at, $"expected a boolean, got {JsonnetValues.TypeName(value)}");

    internal static JsonnetException Fail(Token at, string message) => new($"{message} ({at.Where})");
}
