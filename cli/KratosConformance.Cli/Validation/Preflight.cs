using KratosConformance.Cli.Errors;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;
using KratosConformance.Harness.Ui;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// Everything kc can check about its input before a test starts, in seconds: the config and identity schema, the
/// selector map, every external URL, the Playwright server of --browser-ws, the Docker daemon of the containers target. A problem ends the command with one
/// message naming the cause and the fix (exit 2) instead of one failed test per scenario; nothing is written yet.
/// </summary>
public static class Preflight
{
    public static async Task CheckAsync(HarnessSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target == TargetKind.External)
        {
            EndpointCheck.ParseMailUrl(settings.MailUrl!);
        }

        ConfigCheck.Check(settings);
        ImageCheck.Check(settings);
        SelectorMapCheck.Check(settings.UiSelectorsFile);
        if (settings.ReferenceUi == HarnessSettings.ReferenceUiElements)
        {
            try
            {
                ElementsUi.BundleDirectory();
            }
            catch (InvalidOperationException e)
            {
                throw new CliException("--reference-ui elements: " + e.Message);
            }
        }

        if (settings.BrowserWs is { } browserWs)
        {
            await BrowserServerCheck.CheckAsync(browserWs, settings.Patience.For("Playwright server check", TimeSpan.FromSeconds(5)), cancellationToken).ConfigureAwait(false);
        }

        // After the browser server's check: the selectors are parsed in that browser when one is given.
        await SelectorMapCheck.CheckSyntaxAsync(settings.UiSelectorsFile, settings.BrowserWs, settings.Patience, cancellationToken).ConfigureAwait(false);

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var endpoints = new EndpointCheck(http, settings.Patience.For("URL check", TimeSpan.FromSeconds(5)));
        if (settings.UiUrl is { } ui)
        {
            await endpoints.UiAsync(ui, cancellationToken).ConfigureAwait(false);
        }

        await SmsSinkCheck.CheckAsync(settings, http, settings.Patience.For("URL check", TimeSpan.FromSeconds(5)), cancellationToken).ConfigureAwait(false);

        switch (settings.Target)
        {
            case TargetKind.External:
                await endpoints.PublicApiAsync(settings.PublicUrl!, cancellationToken).ConfigureAwait(false);
                await endpoints.AdminApiAsync(settings.AdminUrl!, cancellationToken).ConfigureAwait(false);
                await endpoints.MailAsync(settings.MailUrl!, cancellationToken).ConfigureAwait(false);
                await KratosVersionProbe.ResolveAsync(settings.AdminUrl!, settings.KratosVersionOverride, cancellationToken).ConfigureAwait(false);
                break;
            case TargetKind.Containers:
                DockerEnvironment.EnsureConfigured();
                if (await DockerEnvironment.CheckAvailableAsync(cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    throw new CliException(problem);
                }

                // --kratos-image: present, or pullable now; the local images are built after these checks.
                if (settings.KratosImage is { } image
                    && await DockerProblems.EnsureImageAsync(image, new ContainerPatience(settings.Patience.Factor), cancellationToken).ConfigureAwait(false) is { } missing)
                {
                    throw new CliException("--kratos-image: " + missing);
                }

                break;
        }
    }
}
