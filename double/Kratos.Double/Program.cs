using Kratos.Double.Cli;

// The kratos binary's command line (serve, migrate sql, version, help) on the double; see KratosDoubleCli.
return await KratosDoubleCli.RunAsync(args);
