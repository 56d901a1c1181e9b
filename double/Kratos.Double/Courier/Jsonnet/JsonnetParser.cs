using System.Globalization;

namespace Kratos.Double.Courier.Jsonnet;

/// <summary>
/// A recursive-descent parser for the subset in <see cref="JsonnetException.Subset"/>, with the Jsonnet spec's operator
/// precedence (|| &lt; &amp;&amp; &lt; == != &lt; &lt; &lt;= &gt; &gt;= in &lt; + - &lt; * / % &lt; unary &lt; . [] ()). Anything else
/// (self, super, $, imports, comprehensions, asserts, +:) is refused with its position, at config load.
/// </summary>
internal sealed class JsonnetParser
{
    private static readonly string[][] BinaryLevels = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">=", "in"], ["+", "-"], ["*", "/", "%"]];
    private readonly List<Token> _tokens;
    private int _at;

    private JsonnetParser(List<Token> tokens) => _tokens = tokens;

    public static Expr Parse(string text)
    {
        var parser = new JsonnetParser(JsonnetLexer.Tokenize(text));
        var expr = parser.Expression();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Peek, "the end of the template");
        }

        return expr;
    }

    private Token Peek => _tokens[_at];

    private Token Next() => _tokens[_at++];

    private bool IsSymbol(string symbol) => Peek.Kind == TokenKind.Symbol && Peek.Text == symbol;

    private bool IsKeyword(string keyword) => Peek.Kind == TokenKind.Keyword && Peek.Text == keyword;

    private Token Expect(string symbol)
    {
        if (!IsSymbol(symbol) && !IsKeyword(symbol))
        {
            throw Unexpected(Peek, $"'{symbol}'");
        }

        return Next();
    }

    private static JsonnetException Unexpected(Token token, string wanted) =>
        new(token.Kind == TokenKind.End
            ? $"the template ends where {wanted} was expected ({token.Where})"
            : $"expected {wanted} but found '{token.Text}' at {token.Where}");

    private static JsonnetException Unsupported(Token token, string what) =>
        new($"{what} at {token.Where} is outside the double's Jsonnet subset (supported: {JsonnetException.Subset})");

    private Expr Expression()
    {
        var token = Peek;
        if (IsKeyword("local"))
        {
            Next();
            var bindings = Bindings();
            Expect(";");
            return new LocalExpr(token, bindings, Expression());
        }

        if (IsKeyword("if"))
        {
            Next();
            var condition = Expression();
            Expect("then");
            var then = Expression();
            Expr? otherwise = null;
            if (IsKeyword("else"))
            {
                Next();
                otherwise = Expression();
            }

            return new IfExpr(token, condition, then, otherwise);
        }

        if (IsKeyword("function"))
        {
            Next();
            var parameters = Parameters();
            return new FunctionExpr(token, parameters, Expression());
        }

        if (IsKeyword("error"))
        {
            Next();
            return new ErrorExpr(token, Expression());
        }

        return Binary(0);
    }

    private List<(string Name, Expr Value)> Bindings()
    {
        var bindings = new List<(string, Expr)>();
        do
        {
            var name = Identifier();
            if (IsSymbol("("))
            {
                var at = Peek;
                var parameters = Parameters();
                Expect("=");
                bindings.Add((name, new FunctionExpr(at, parameters, Expression())));
            }
            else
            {
                Expect("=");
                bindings.Add((name, Expression()));
            }
        }
        while (IsSymbol(",") && Next() is not null);
        return bindings;
    }

    private List<string> Parameters()
    {
        Expect("(");
        var parameters = new List<string>();
        while (!IsSymbol(")"))
        {
            parameters.Add(Identifier());
            if (IsSymbol("="))
            {
                throw Unsupported(Peek, "default parameter values");
            }

            if (!IsSymbol(")"))
            {
                Expect(",");
            }
        }

        Next();
        return parameters;
    }

    private string Identifier()
    {
        if (Peek.Kind != TokenKind.Identifier)
        {
            throw Unexpected(Peek, "a name");
        }

        return Next().Text;
    }

    private Expr Binary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while ((Peek.Kind == TokenKind.Symbol || IsKeyword("in")) && BinaryLevels[level].Contains(Peek.Text))
        {
            var op = Next();
            if (op.Text == "in" && IsKeyword("super"))
            {
                throw Unsupported(op, "'in super'");
            }

            left = new BinaryExpr(op, op.Text, left, Binary(level + 1));
        }

        return left;
    }

    private Expr Unary()
    {
        if (IsSymbol("!") || IsSymbol("-") || IsSymbol("+"))
        {
            var op = Next();
            return new UnaryExpr(op, op.Text, Unary());
        }

        return Postfix(Primary());
    }

    private Expr Postfix(Expr expr)
    {
        while (true)
        {
            var token = Peek;
            if (IsSymbol("."))
            {
                Next();
                var at = Peek;
                var name = Identifier();
                if (expr is VarExpr { Name: "std" } && !JsonnetStd.IsKnown(name))
                {
                    throw Unsupported(at, $"std.{name}");
                }

                expr = new IndexExpr(token, expr, new LiteralExpr(token, name));
            }
            else if (IsSymbol("["))
            {
                Next();
                if (IsSymbol(":"))
                {
                    throw Unsupported(token, "slices");
                }

                var key = Expression();
                if (IsSymbol(":"))
                {
                    throw Unsupported(token, "slices");
                }

                Expect("]");
                expr = new IndexExpr(token, expr, key);
            }
            else if (IsSymbol("("))
            {
                Next();
                var arguments = new List<Expr>();
                while (!IsSymbol(")"))
                {
                    arguments.Add(Expression());
                    if (!IsSymbol(")"))
                    {
                        Expect(",");
                    }
                }

                Next();
                expr = new CallExpr(token, expr, arguments);
            }
            else if (IsSymbol("{"))
            {
                throw Unsupported(token, "object inheritance (expr { … })");
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.String:
                return new LiteralExpr(token, token.Text);
            case TokenKind.Number:
                return new LiteralExpr(token, double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case TokenKind.Identifier:
                return new VarExpr(token, token.Text);
            case TokenKind.Keyword:
                return token.Text switch
                {
                    "null" => new LiteralExpr(token, null),
                    "true" => new LiteralExpr(token, true),
                    "false" => new LiteralExpr(token, false),
                    _ => throw Unsupported(token, $"'{token.Text}'"),
                };
        }

        if (token.Text == "(")
        {
            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (token.Text == "[")
        {
            var items = new List<Expr>();
            while (!IsSymbol("]"))
            {
                items.Add(Expression());
                if (IsKeyword("for"))
                {
                    throw Unsupported(Peek, "array comprehensions");
                }

                if (!IsSymbol("]"))
                {
                    Expect(",");
                }
            }

            Next();
            return new ArrayExpr(token, items);
        }

        if (token.Text == "{")
        {
            return Object(token);
        }

        throw token.Text == "$" ? Unsupported(token, "'$'") : Unexpected(token, "an expression");
    }

    private ObjectExpr Object(Token open)
    {
        var locals = new List<(string, Expr)>();
        var fields = new List<FieldExpr>();
        while (!IsSymbol("}"))
        {
            var token = Peek;
            if (IsKeyword("local"))
            {
                Next();
                locals.AddRange(Bindings());
            }
            else if (IsKeyword("assert"))
            {
                throw Unsupported(token, "object assertions");
            }
            else
            {
                Expr key = token.Kind switch
                {
                    TokenKind.Identifier or TokenKind.String => new LiteralExpr(Next(), token.Text),
                    TokenKind.Symbol when token.Text == "[" => ComputedKey(),
                    _ => throw Unexpected(token, "a field name"),
                };
                if (IsKeyword("for"))
                {
                    throw Unsupported(Peek, "object comprehensions");
                }

                if (IsSymbol("("))
                {
                    throw Unsupported(Peek, "field functions");
                }

                var sep = Next();
                if (sep.Kind != TokenKind.Symbol || sep.Text is not (":" or "::" or ":::"))
                {
                    throw sep.Text == "+:" ? Unsupported(sep, "'+:'") : Unexpected(sep, "':' after a field name");
                }

                fields.Add(new FieldExpr(key, sep.Text == "::", Expression()));
            }

            if (!IsSymbol("}"))
            {
                Expect(",");
            }
        }

        Next();
        return new ObjectExpr(open, locals, fields);
    }

    private Expr ComputedKey()
    {
        Next();
        var key = Expression();
        Expect("]");
        return key;
    }
}
