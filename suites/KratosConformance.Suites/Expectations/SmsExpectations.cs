using System.Globalization;
using KratosConformance.Client.Versions;

namespace KratosConformance.Suites.Expectations;

/// <summary>
/// What the SMS of a login code looks like per version (factors spec §10.3, §10.4, §10.6): the built-in
/// login_code/valid/sms.body.gotmpl text, and which fields the courier's http channel puts into ctx.
/// </summary>
public sealed class SmsExpectations(VersionExpectations expect)
{
    /// <summary>v25.4.0 added the expiry line and template_data.expires_in_minutes.</summary>
    public bool HasExpiry => expect.Version >= KratosVersion.V25_4_0;

    /// <summary>v26.2.0 added ctx.request_headers (the allow-listed headers of the user's request).</summary>
    public bool HasRequestHeaders => expect.Version >= KratosVersion.V26_2_0;

    /// <summary>int(lifespan.Minutes()): Go truncates.</summary>
    public int ExpiresInMinutes => (int)expect.Facts.CodeLifespan.TotalMinutes;

    /// <summary>The SMS text for <paramref name="code"/> (§10.4).</summary>
    public string Text(string code) => HasExpiry
        ? $"Your login code is: {code}\n\nIt expires in {ExpiresInMinutes.ToString(CultureInfo.InvariantCulture)} minutes.\n"
        : $"Your login code is: {code}\n";
}
