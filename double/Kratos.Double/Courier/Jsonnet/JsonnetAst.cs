namespace Kratos.Double.Courier.Jsonnet;

/// <summary>An expression of the Jsonnet subset; <see cref="At"/> is where it starts, for error messages.</summary>
internal abstract record Expr(Token At);

internal sealed record LiteralExpr(Token At, object? Value) : Expr(At);

internal sealed record VarExpr(Token At, string Name) : Expr(At);

internal sealed record IndexExpr(Token At, Expr Target, Expr Key) : Expr(At);

internal sealed record CallExpr(Token At, Expr Function, IReadOnlyList<Expr> Arguments) : Expr(At);

internal sealed record FunctionExpr(Token At, IReadOnlyList<string> Parameters, Expr Body) : Expr(At);

internal sealed record LocalExpr(Token At, IReadOnlyList<(string Name, Expr Value)> Bindings, Expr Body) : Expr(At);

internal sealed record IfExpr(Token At, Expr Condition, Expr Then, Expr? Else) : Expr(At);

internal sealed record BinaryExpr(Token At, string Operator, Expr Left, Expr Right) : Expr(At);

internal sealed record UnaryExpr(Token At, string Operator, Expr Operand) : Expr(At);

internal sealed record ArrayExpr(Token At, IReadOnlyList<Expr> Items) : Expr(At);

internal sealed record ErrorExpr(Token At, Expr Message) : Expr(At);

/// <summary>One field: its key (a string literal for <c>name:</c> and <c>"name":</c>), hidden for <c>::</c>.</summary>
internal sealed record FieldExpr(Expr Key, bool Hidden, Expr Value);

internal sealed record ObjectExpr(Token At, IReadOnlyList<(string Name, Expr Value)> Locals, IReadOnlyList<FieldExpr> Fields) : Expr(At);
