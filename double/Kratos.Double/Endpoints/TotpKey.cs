using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OtpNet;
using QRCoder;

namespace Kratos.Double.Endpoints;

/// <summary>
/// selfservice/strategy/totp/generator.go with pquerna/otp v1.4.0: a 20-byte secret (32 base32 characters without
/// padding), SHA1, 6 digits, 30 s; the key URL otpauth://totp/&lt;issuer&gt;:&lt;account&gt;?algorithm=SHA1&amp;digits=6&amp;issuer=…&amp;period=30&amp;secret=…
/// (query keys sorted, values path-escaped); validation with skew 1 (the previous, current and next step), leading and
/// trailing spaces trimmed, any other length refused. Only the secret of a stored URL is used (Login passes key.Secret()).
/// </summary>
internal static class TotpKey
{
    /// <summary>totp.Generate: returns the key URL for a fresh random secret.</summary>
    public static string NewUrl(string issuer, string accountName)
    {
        var secret = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20)).TrimEnd('=');
        var query = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["algorithm"] = "SHA1", ["digits"] = "6", ["issuer"] = issuer, ["period"] = "30", ["secret"] = secret,
        };
        var encoded = string.Join('&', query.Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));
        return "otpauth://totp/" + EscapePath(issuer + ":" + accountName) + "?" + encoded;
    }

    /// <summary>The secret query value of a key URL (empty when there is none).</summary>
    public static string Secret(string url)
    {
        var query = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        foreach (var pair in query.Split('&'))
        {
            if (pair.StartsWith("secret=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair["secret=".Length..]);
            }
        }

        return string.Empty;
    }

    /// <summary>totp.Validate: the code of the current step or <paramref name="skew"/> steps either side (Kratos: 1).</summary>
    public static bool Validate(string code, string secret, DateTimeOffset now, int skew = 1)
    {
        code = code.Trim();
        if (code.Length != 6 || secret.Length == 0)
        {
            return false;
        }

        var padded = secret.Trim().ToUpperInvariant();
        if (padded.Length % 8 != 0)
        {
            padded += new string('=', 8 - (padded.Length % 8));
        }

        byte[] key;
        try
        {
            key = Base32Encoding.ToBytes(padded);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var totp = new Totp(key, step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        var counter = now.ToUnixTimeSeconds() / 30;
        for (var offset = -skew; offset <= skew; offset++)
        {
            var candidate = totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds((counter + offset) * 30).UtcDateTime);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), Encoding.ASCII.GetBytes(code)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>totp/nodes.go NewTOTPImageQRNode: key.Image(256, 256) as a PNG data URI (a QR code of the key URL, level M).</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix.Count;
        var png = new PngByteQRCode(data).GetGraphic(Math.Max(1, 256 / modules), drawQuietZones: false);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>Go's url.URL.EscapedPath for the label: unreserved characters, ':', '@' and the sub-delims stay.</summary>
    private static string EscapePath(string path)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~:@!$&'()*+,;=".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
