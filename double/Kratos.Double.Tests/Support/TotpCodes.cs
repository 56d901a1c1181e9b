using OtpNet;

namespace Kratos.Double.Tests.Support;

/// <summary>What an authenticator app shows: the 6-digit SHA1 code of a base32 secret, for this step or one beside it.</summary>
public static class TotpCodes
{
    public static string At(string secret, int stepOffset = 0)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepOffset));
    }
}
