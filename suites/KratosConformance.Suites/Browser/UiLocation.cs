namespace KratosConformance.Suites.Browser;

/// <summary>
/// Where the login UI under test is served: its login page or its base URL (<c>--ui-url</c> takes either), and where
/// that came from. A page is on the UI when it has the same origin and its path lies at or below this URL's path, so
/// <c>http://host:3000</c> and <c>http://host:3000/login</c> both cover <c>http://host:3000/login?flow=…</c>.
/// </summary>
public sealed record UiLocation(Uri Url, string Source)
{
    public bool Contains(string pageUrl)
    {
        if (!Uri.TryCreate(pageUrl, UriKind.Absolute, out var page)
            || !string.Equals(page.GetLeftPart(UriPartial.Authority), Url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var root = Url.AbsolutePath.TrimEnd('/');
        var path = page.AbsolutePath.TrimEnd('/');
        return root.Length == 0 || string.Equals(path, root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Url.GetLeftPart(UriPartial.Path);
}
