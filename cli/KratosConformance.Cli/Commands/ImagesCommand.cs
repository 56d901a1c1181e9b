using KratosConformance.Containers;

namespace KratosConformance.Cli.Commands;

/// <summary>kc images: builds the local images (reference double, smtp4dev) without any registry; cached by content.</summary>
public static class ImagesCommand
{
    public static int Run(IReadOnlyList<string> args) =>
        LocalImagesCommand.RunAsync([.. args], Console.Out).GetAwaiter().GetResult();
}
