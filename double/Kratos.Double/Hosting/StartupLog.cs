using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Logging;

namespace Kratos.Double.Hosting;

/// <summary>
/// The lines Kratos logs between loading its config and listening (cmd/serve/root.go, oryx/metricsx, oryx/configx
/// serve.go GetCertFunc): the dev-mode banner, the config version warning, the telemetry notice, the TLS lines.
/// </summary>
internal static class StartupLog
{
    public static void BeforeListening(KratosLog log, JsonObject root, string version, ServeSettings options)
    {
        if (options.Dev || ConfigLoader.Bool(root, "dev") == true)
        {
            log.Warn("\n\nYOU ARE RUNNING Ory KRATOS IN DEV MODE.\nSECURITY IS DISABLED.\nDON'T DO THIS IN PRODUCTION!\n\n");
        }

        // driver/config: ConfigVersion is the "version" key, UnknownVersion when it is missing.
        var configVersion = ConfigLoader.Str(root, "version");
        if (string.IsNullOrEmpty(configVersion))
        {
            log.Warn("The config has no version specified. Add the version to improve your development experience.");
        }
        else if (configVersion != version)
        {
            log.Warn($"Config version is '{configVersion}' but kratos runs on version '{version}'");
        }

        var optOut = options.SqaOptOut || ConfigLoader.Bool(root, "sqa.opt_out") == true || ConfigLoader.Bool(root, "sqa_opt_out") == true
            || IsTrue(options.Env("SQA_OPT_OUT")) || IsTrue(options.Env("SQA-OPT-OUT"));
        if (!optOut)
        {
            log.Info("Software quality assurance features are enabled. Learn more at: https://www.ory.sh/docs/ecosystem/sqa");
        }

        log.Info("TLS has not been configured for public, skipping");
        log.Info("TLS has not been configured for admin, skipping");
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var b) && b;
}
