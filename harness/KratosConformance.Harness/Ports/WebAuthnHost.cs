namespace KratosConformance.Harness.Ports;

/// <summary>
/// The host name under which a browser reaches a harness-started deployment whose profile enables WebAuthn. A relying
/// party id must be a domain (WebAuthn Level 2 §5.1.3; Chromium answers an IP-address origin with "This is an invalid
/// domain"), and Kratos's rp.id must equal the page's host or be a suffix of it, so http://127.0.0.1:&lt;port&gt; can not
/// run a ceremony. <c>localhost</c> can: it is a secure context without TLS and names the loopback interface, so the
/// servers keep listening on 127.0.0.1 only. Kratos and the UI share the name, as they share 127.0.0.1 elsewhere,
/// so the browser sends Kratos's host-only cookies to both (cookies ignore ports).
/// </summary>
public static class WebAuthnHost
{
    public const string Name = "localhost";

    /// <summary><paramref name="url"/> with its host replaced by <see cref="Name"/> (scheme, port and path kept).</summary>
    public static Uri On(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new UriBuilder(url) { Host = Name }.Uri;
    }
}
