using OtpNet;

namespace KratosConformance.Client.Kratos;

/// <summary>
/// TOTP codes as an authenticator app computes them from the secret Kratos shows (factors spec §3.2: SHA1, 6 digits,
/// 30-s steps, the secret base32 without padding), with Otp.NET. A number of steps moves the moment by whole
/// time steps, so a suite can present the code of the previous or next step (the window Kratos accepts) or of one
/// beyond it, without waiting for the clock.
/// </summary>
public static class TotpCode
{
    /// <summary>The length of one time step (period 30, factors spec §3.2).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>The code for <paramref name="secret"/> at now + <paramref name="steps"/> × 30 s.</summary>
    public static string At(string secret, int steps = 0) => At(secret, DateTimeOffset.UtcNow, steps);

    /// <summary>The code for <paramref name="secret"/> at <paramref name="moment"/> + <paramref name="steps"/> × 30 s.</summary>
    public static string At(string secret, DateTimeOffset moment, int steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var key = Base32Encoding.ToBytes(secret.Trim().TrimEnd('='));
        var totp = new Totp(key, step: (int)Step.TotalSeconds, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.ComputeTotp(moment.AddSeconds(steps * Step.TotalSeconds).UtcDateTime);
    }

    /// <summary>
    /// The number of the 30-s step <paramref name="moment"/> falls in. A suite that presents the code of a step
    /// relative to "now" compares the step before and after its request: when they differ a step boundary passed
    /// while Kratos validated, so the attempt proves nothing and is made once more (never waited for).
    /// </summary>
    public static long StepOf(DateTimeOffset moment) => moment.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
}
