using System.Security.Cryptography;

namespace Kratos.Double.Endpoints;

/// <summary>Random tokens: session tokens ory_st_…, cookies, CSRF tokens, numeric codes.</summary>
internal static class Secrets
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string SessionToken() => "ory_st_" + RandomNumberGenerator.GetString(Alphanumeric, 32);

    public static string Opaque() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>strategy.go GenerateCode: numeric, CodeLength = 6.</summary>
    public static string NumericCode(int length) => RandomNumberGenerator.GetString("0123456789", length);
}
