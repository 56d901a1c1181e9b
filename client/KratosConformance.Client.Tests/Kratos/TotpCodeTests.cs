using System.Text;
using FluentAssertions;
using KratosConformance.Client.Kratos;
using NUnit.Framework;

namespace KratosConformance.Client.Tests.Kratos;

/// <summary>TOTP codes as an authenticator app computes them: RFC 6238's SHA1 test vectors (truncated to Kratos's six
/// digits) and whole-step offsets.</summary>
[TestFixture]
public sealed class TotpCodeTests
{
    // RFC 6238 appendix B, SHA1 seed "12345678901234567890" (base32 below); the 8-digit values' last six digits.
    private static readonly string Secret = OtpNet.Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890"));

    [TestCase(59L, "287082")]
    [TestCase(1111111109L, "081804")]
    [TestCase(1234567890L, "005924")]
    [TestCase(2000000000L, "279037")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string code) =>
        TotpCode.At(Secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), 0).Should().Be(code);

    [Test]
    public void A_step_offset_is_the_code_thirty_seconds_away()
    {
        var moment = DateTimeOffset.FromUnixTimeSeconds(1111111109);

        TotpCode.At(Secret, moment, -1).Should().Be(TotpCode.At(Secret, moment.AddSeconds(-30), 0));
        TotpCode.At(Secret, moment, 2).Should().Be(TotpCode.At(Secret, moment.AddSeconds(60), 0));
        TotpCode.StepOf(moment).Should().Be(1111111109L / 30);
    }
}
