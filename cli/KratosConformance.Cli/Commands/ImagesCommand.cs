using System.CommandLine;
using KratosConformance.Cli.Errors;
using KratosConformance.Cli.Options;
using KratosConformance.Cli.Running;
using KratosConformance.Containers;

namespace KratosConformance.Cli.Commands;

/// <summary>kc images: builds the local images (reference double, smtp4dev) without any registry; cached by content.</summary>
public static class ImagesCommand
{
    public static Command Create(CommandContext context)
    {
        var images = new Argument<string[]>("image") { Description = "Which images to build (default: both).", Arity = ArgumentArity.ZeroOrMore };
        images.AcceptOnlyFromAmong("double", "smtp4dev");
        var repo = KcOption.Value("--repo", "<dir>", "The checkout to build from (default: the one kc runs from).");
        var command = new Command("images", "Build the local images (reference double, smtp4dev) from this repository, without any registry; cached by content.");
        command.Arguments.Add(images);
        command.Options.Add(repo);
        command.SetAction(parse =>
        {
            if (DockerEnvironment.CheckAvailableAsync(context.Token).GetAwaiter().GetResult() is { } problem)
            {
                throw new CliException(problem);
            }

            LeftoverCleanup.Run(context.Error, Defaults.EnvironmentPatience(), context.Token);

            // The installed tool builds from the recipes and sources its package carries.
            var recipes = parse.GetValue(repo) ?? (KratosConformance.Harness.Paths.RepositoryLayout.IsPackaged ? KratosConformance.Harness.Paths.RepositoryLayout.ContentRoot : null);
            string[] args = [.. parse.GetValue(images) ?? [], .. recipes is { } dir ? ["--repo", dir] : Array.Empty<string>()];
            return LocalImagesCommand.RunAsync(args, context.Out).GetAwaiter().GetResult();
        });
        return command;
    }
}
