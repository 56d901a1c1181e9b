using System.Globalization;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// One Set-Cookie header, parsed (RFC 6265 §4.1): name, value and the attributes a browser acts on. Kratos's session
/// and CSRF cookies carry their security in these attributes (HttpOnly, SameSite, Secure, Path, lifetime), so the
/// suites read them instead of trusting a cookie jar that silently accepts anything.
/// </summary>
public sealed record SetCookie
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public bool HttpOnly { get; init; }
    public bool Secure { get; init; }
    /// <summary>Lax | Strict | None as sent, or null when the attribute is absent.</summary>
    public string? SameSite { get; init; }
    public string? Path { get; init; }
    public string? Domain { get; init; }
    /// <summary>Max-Age in seconds, or null when absent.</summary>
    public long? MaxAge { get; init; }
    public DateTimeOffset? Expires { get; init; }
    /// <summary>The header as received (unmasked: never written anywhere by the harness).</summary>
    public required string Raw { get; init; }

    /// <summary>How long a browser keeps it from <paramref name="now"/>: Max-Age wins over Expires (RFC 6265 §5.3); null for a session cookie.</summary>
    public TimeSpan? LifetimeFrom(DateTimeOffset now) =>
        MaxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : Expires is { } expires ? expires - now : null;

    /// <summary>The attributes without the value, for failure messages and evidence: "name; HttpOnly; SameSite=Lax; Path=/".</summary>
    public string Describe()
    {
        var parts = new List<string> { Name };
        if (Path is not null)
        {
            parts.Add("Path=" + Path);
        }

        if (Domain is not null)
        {
            parts.Add("Domain=" + Domain);
        }

        if (MaxAge is { } maxAge)
        {
            parts.Add("Max-Age=" + maxAge.ToString(CultureInfo.InvariantCulture));
        }

        if (Expires is { } expires)
        {
            parts.Add("Expires=" + expires.ToString("r", CultureInfo.InvariantCulture));
        }

        if (HttpOnly)
        {
            parts.Add("HttpOnly");
        }

        if (Secure)
        {
            parts.Add("Secure");
        }

        if (SameSite is not null)
        {
            parts.Add("SameSite=" + SameSite);
        }

        return string.Join("; ", parts);
    }

    public static SetCookie Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(';');
        var pair = parts[0];
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        var cookie = new SetCookie
        {
            Name = (eq < 0 ? pair : pair[..eq]).Trim(),
            Value = eq < 0 ? string.Empty : pair[(eq + 1)..].Trim(),
            Raw = header,
        };
        foreach (var part in parts.Skip(1))
        {
            var i = part.IndexOf('=', StringComparison.Ordinal);
            var key = (i < 0 ? part : part[..i]).Trim();
            var value = i < 0 ? null : part[(i + 1)..].Trim();
            cookie = key.ToLowerInvariant() switch
            {
                "httponly" => cookie with { HttpOnly = true },
                "secure" => cookie with { Secure = true },
                "samesite" => cookie with { SameSite = value },
                "path" => cookie with { Path = value },
                "domain" => cookie with { Domain = value },
                "max-age" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) => cookie with { MaxAge = seconds },
                "expires" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => cookie with { Expires = at },
                _ => cookie,
            };
        }

        return cookie;
    }

    public override string ToString() => Describe();
}
