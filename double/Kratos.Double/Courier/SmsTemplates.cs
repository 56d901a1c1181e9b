using System.Globalization;
using Kratos.Double.Config;

namespace Kratos.Double.Courier;

/// <summary>
/// The built-in login_code/valid/sms.body.gotmpl (courier/template/courier/builtin/templates/): v25.4.0 added the
/// expiry line and <c>expires_in_minutes</c> to the model (courier/template/sms/login_code_valid.go), v1.3.1 has
/// neither (factors spec §10.4).
/// </summary>
internal static class SmsTemplates
{
    public static string LoginCode(DoubleConfig config, string code) =>
        config.IsAtLeast(EmulatedVersion.V25_4_0)
            ? $"Your login code is: {code}\n\nIt expires in {ExpiresInMinutes(config).ToString(CultureInfo.InvariantCulture)} minutes.\n"
            : $"Your login code is: {code}\n";

    /// <summary>int(SelfServiceCodeMethodLifespan.Minutes()): Go truncates toward zero.</summary>
    public static int ExpiresInMinutes(DoubleConfig config) => (int)config.CodeLifespan.TotalMinutes;
}
