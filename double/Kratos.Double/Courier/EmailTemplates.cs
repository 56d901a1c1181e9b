using System.Globalization;
using Kratos.Double.Config;

namespace Kratos.Double.Courier;

/// <summary>
/// The built-in login_code_valid templates (courier/template/courier/builtin/templates/login_code/valid/); the text
/// changed in v25.4.0. Plaintext and HTML bodies are identical.
/// </summary>
internal static class EmailTemplates
{
    public static (string Subject, string Body) LoginCode(DoubleConfig config, string code)
    {
        if (config.IsAtLeast(EmulatedVersion.V25_4_0))
        {
            var minutes = ((int)Math.Round(config.CodeLifespan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            return ($"Use code {code} to log in", $"Login to your account with the following code:\n\n{code}\n\nIt expires in {minutes} minutes.\n");
        }

        // Stryker disable once all : out of scope, by kind: code for versions before v25.4.0 (the mutation run emulates v26.2.0; the version matrix runs it unmutated; docs/mutation-survivors.md)
        return ("Login to your account", $"Hi,\n\nplease login to your account by entering the following code:\n\n{code}\n");
    }

    /// <summary>recovery_code/valid (plaintext): the text changed in v25.4.0 (subject with the code, expiry line).</summary>
    public static (string Subject, string Body) RecoveryCode(DoubleConfig config, string code)
    {
        if (config.IsAtLeast(EmulatedVersion.V25_4_0))
        {
            var minutes = ((int)Math.Round(config.CodeLifespan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            return ($"Use code {code} to recover access to your account", $"Recover access to your account by entering the following code:\n\n{code}\n\nIf this was not you, do nothing. This code expires in {minutes} minutes.\n");
        }

        // Stryker disable once all : out of scope, by kind: code for versions before v25.4.0 (the mutation run emulates v26.2.0; the version matrix runs it unmutated; docs/mutation-survivors.md)
        return ("Recover access to your account", $"Hi,\n\nplease recover access to your account by entering the following code:\n\n{code}\n");
    }
}
