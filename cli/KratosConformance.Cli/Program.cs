using KratosConformance.Cli;
using KratosConformance.Cli.Commands;

return CommandLine.Main(args);
