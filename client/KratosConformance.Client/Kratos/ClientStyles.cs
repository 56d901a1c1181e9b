namespace KratosConformance.Client.Kratos;

/// <summary>Client style ids as they appear in test ids (<c>login.code-mfa.&lt;scenario&gt;.&lt;client&gt;</c>).</summary>
public static class ClientStyles
{
    public static IReadOnlyList<ClientStyle> All { get; } = [ClientStyle.Browser, ClientStyle.Spa, ClientStyle.Native];

    /// <summary>"browser", "spa" or "native".</summary>
    public static string Id(this ClientStyle style) => style switch
    {
        ClientStyle.Browser => "browser",
        ClientStyle.Spa => "spa",
        ClientStyle.Native => "native",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unknown client style"),
    };

    /// <summary>The style with this id; throws with the valid ids otherwise.</summary>
    public static ClientStyle Parse(string id)
    {
        foreach (var style in All)
        {
            if (string.Equals(style.Id(), id, StringComparison.OrdinalIgnoreCase))
            {
                return style;
            }
        }

        throw new ArgumentException($"'{id}' is not a client style; expected browser, spa or native.", nameof(id));
    }
}
