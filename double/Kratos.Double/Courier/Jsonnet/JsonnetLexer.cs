using System.Globalization;
using System.Text;

namespace Kratos.Double.Courier.Jsonnet;

/// <summary>Token kinds of the Jsonnet subset.</summary>
internal enum TokenKind
{
    Identifier,
    Keyword,
    String,
    Number,
    Symbol,
    End,
}

/// <summary>One token with its position (1-based line and column) for error messages.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Line, int Column)
{
    public string Where => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");
}

/// <summary>
/// Splits a template into tokens as the Jsonnet spec's lexis does (comments //, # and /* */; single and double quoted
/// strings with JSON escapes). Text blocks (<c>|||</c>) and verbatim strings (<c>@"…"</c>) are outside the subset and
/// refused by name.
/// </summary>
internal static class JsonnetLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "assert", "else", "error", "false", "for", "function", "if", "import", "importstr", "importbin", "in", "local",
        "null", "tailstrict", "then", "self", "super", "true",
    };

    private static readonly string[] Symbols = ["&&", "||", "==", "!=", "<=", ">=", ":::", "::", "+:", "{", "}", "[", "]", "(", ")", ",", ";", ":", ".", "+", "-", "*", "/", "%", "!", "<", ">", "=", "$"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (true)
        {
            // Whitespace and comments.
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                    i++;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new JsonnetException($"unterminated comment at line {line}");
                    }

                    for (var k = i; k < end; k++)
                    {
                        if (text[k] == '\n')
                        {
                            line++;
                            lineStart = k + 1;
                        }
                    }

                    i = end + 2;
                }
                else
                {
                    break;
                }
            }

            var column = i - lineStart + 1;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, line, column));
                return tokens;
            }

            var ch = text[i];
            if (char.IsAsciiLetter(ch) || ch == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, line, column));
            }
            else if (char.IsAsciiDigit(ch))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or 'e' or 'E' || ((text[i] is '+' or '-') && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], line, column));
            }
            else if (ch is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i, line), line, column));
            }
            else if (ch == '|' && text.AsSpan(i).StartsWith("|||"))
            {
                throw new JsonnetException($"text blocks (|||) at line {line}, column {column} are outside the double's Jsonnet subset; use a quoted string with \\n");
            }
            else if (ch == '@')
            {
                throw new JsonnetException($"verbatim strings (@\"…\") at line {line}, column {column} are outside the double's Jsonnet subset; use a quoted string");
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => text.AsSpan(i).StartsWith(s, StringComparison.Ordinal))
                    ?? throw new JsonnetException($"unexpected character '{ch}' at line {line}, column {column}");
                tokens.Add(new Token(TokenKind.Symbol, symbol, line, column));
                i += symbol.Length;
            }
        }
    }

    private static string ReadString(string text, ref int i, int line)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new JsonnetException($"unterminated string starting at line {line}");
            }

            var c = text[i++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = i < text.Length ? text[i++] : '\0';
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 <= text.Length:
                    sb.Append((char)int.Parse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    throw new JsonnetException($"unknown escape \\{e} in a string at line {line}");
            }
        }
    }
}
