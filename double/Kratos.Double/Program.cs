using System.Runtime.InteropServices;
using Kratos.Double;

// Shaped like the kratos binary so the same container args work: `serve -c f --dev --watch-courier`,
// `-c f migrate sql -e --yes`, `version`; plus `deviations` and `--emulate <v>`.
var commands = new List<string>();
var options = new KratosDoubleOptions();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "-c" or "--config" when i + 1 < args.Length:
            options.ConfigFile = args[++i];
            break;
        case "--dev":
            options.Dev = true;
            break;
        case "--watch-courier":
            options.WatchCourier = true;
            break;
        case "--emulate" when i + 1 < args.Length:
            options.Emulate = args[++i];
            break;
        case "-h" or "--help" or "help":
            commands.Insert(0, "help");
            break;
        default:
            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                options.ConfigFile = args[i]["--config=".Length..];
            }
            else if (!args[i].StartsWith('-'))
            {
                commands.Add(args[i]);
            }

            break;
    }
}

switch (commands.FirstOrDefault() ?? "serve")
{
    case "help":
        Console.WriteLine("""
            kratos-double: a Kratos-compatible test double (login with password + code as second factor).

            Usage:
              kratos-double serve -c <kratos.yml> [--dev] [--watch-courier] [--emulate v26.2.0|v25.4.0|v1.3.1]
              kratos-double [-c <kratos.yml>] migrate sql -e --yes   (no-op, exits 0: state is in memory)
              kratos-double version
              kratos-double deviations

            Environment: the kratos.yml keys as env overrides (SELFSERVICE_METHODS_CODE_MFA_ENABLED=true, DSN=memory, …),
            KRATOS_DOUBLE_EMULATE=<version>, KRATOS_DOUBLE_DEVIATIONS=<name>[,<name>…].
            """);
        return 0;
    case "version":
        Console.WriteLine($"Version:    {Environment.GetEnvironmentVariable("KRATOS_DOUBLE_EMULATE") ?? options.Emulate ?? "v26.2.0"}");
        Console.WriteLine("Build:      kratos-double");
        return 0;
    case "deviations":
        foreach (var (name, description) in Deviations.All)
        {
            Console.WriteLine($"{name}: {description}");
        }

        return 0;
    case "migrate":
        Console.WriteLine("level=info msg=\"Successfully applied migrations (the double keeps its state in memory).\"");
        return 0;
    case "serve":
        return await ServeAsync(options);
    default:
        Console.Error.WriteLine($"kratos-double: unknown command \"{commands[0]}\". Run kratos-double --help.");
        return 2;
}

static async Task<int> ServeAsync(KratosDoubleOptions options)
{
    KratosDoubleHost host;
    try
    {
        host = await KratosDoubleHost.StartAsync(options);
    }
    catch (KratosDoubleConfigException e)
    {
        Console.Error.WriteLine($"level=fatal msg=\"Unable to start kratos-double: {e.Message}\"");
        return 1;
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"level=fatal msg=\"Unable to bind the httpd: {e.Message}\"");
        return 1;
    }

    var stop = new TaskCompletionSource();
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
    Console.WriteLine("level=info msg=\"Shutting down the double.\"");
    await host.DisposeAsync();
    return 0;
}
