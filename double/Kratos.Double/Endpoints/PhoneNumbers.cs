using PhoneNumbers;

namespace Kratos.Double.Endpoints;

/// <summary>
/// x/normalize.go over libphonenumber (Kratos: nyaruka/phonenumbers, the Go port of the same library): a code
/// identifier with <c>via: sms</c> is stored in E.164, and a submitted identifier that parses as a valid number is
/// normalised the same way (GracefulNormalization) before it is looked up.
/// </summary>
internal static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>NormalizeIdentifier(value, "sms"): E.164, or null when the value is not a valid number.</summary>
    public static string? ToE164(string value)
    {
        try
        {
            var number = Util.Parse(value, null);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>GracefulNormalization: a valid number in E.164, else an address with @ lower-cased and trimmed, else trimmed.</summary>
    public static string Graceful(string value) =>
        ToE164(value) ?? (value.Contains('@', StringComparison.Ordinal) ? value.Trim().ToLowerInvariant() : value.Trim());
}
