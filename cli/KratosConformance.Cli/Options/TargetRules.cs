using System.CommandLine.Parsing;
using KratosConformance.Client.Versions;
using KratosConformance.Containers;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Options;

/// <summary>
/// Combinations of target options that can not work, refused while parsing (exit 2) instead of failing every test:
/// an external target without its URLs, options that apply to another target, the double's own options with another
/// Kratos image, a mail image of another sink, a schema without a config.
/// </summary>
public static class TargetRules
{
    private static readonly string[] ExternalNeeds = ["--public-url", "--admin-url", "--mail-url"];
    private static readonly string[] StartedOnly = ["--kratos-image", "--mail", "--mail-image", "--emulate", "--deviations"];
    private static readonly string[] ContainersOnly = ["--kratos-image", "--mail-image"];
    private static readonly string[] DoubleOnly = ["--emulate", "--deviations"];
    private static readonly string[] ExternalOnly = ["--public-url", "--admin-url", "--sms-url"];

    public static void Check(TargetOptions options, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Children.Any(c => c.Errors.Any()))
        {
            return; // one problem at a time: the option's own error says more than a rule about combinations
        }

        var given = options.Table.Where(r => r.ValueIn(result) is not null).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (FirstProblem(given, name => options.Table.FirstOrDefault(r => r.Name == name)?.ValueIn(result)) is { } problem)
        {
            result.AddError(problem);
        }
    }

    /// <summary>The first combination that can not work, or null. <paramref name="valueOf"/> gives an option's text.</summary>
    public static string? FirstProblem(IReadOnlySet<string> given, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(valueOf);
        var target = SettingNames.Parse<TargetKind>(valueOf("--target") ?? TargetKind.Containers.Id()) ?? TargetKind.Containers;
        if (valueOf("--kratos-version") is { } version && !KratosVersion.TryParse(version, out _))
        {
            return $"--kratos-version '{version}' is not a version: give e.g. v26.2.0, v25.4.0 or v1.3.1.";
        }

        if (target == TargetKind.External)
        {
            var missing = ExternalNeeds.Where(n => !given.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                return $"--target external needs {string.Join(", ", missing)}: the harness starts nothing there, so it must be told where Kratos and its mail are. Example: ./kc run --target external --public-url http://127.0.0.1:4433/ --admin-url http://127.0.0.1:4434/ --mail-url smtp4dev+http://127.0.0.1:5000";
            }

            if (StartedOnly.FirstOrDefault(given.Contains) is { } name)
            {
                return $"{name} does not apply to --target external (the harness starts nothing there). Remove it, or use --target containers.";
            }
        }
        else if (ExternalOnly.FirstOrDefault(given.Contains) is { } name)
        {
            return $"{name} only applies to --target external; --target {target.Id()} starts its own Kratos.";
        }

        if (target == TargetKind.InProcess && ContainersOnly.FirstOrDefault(given.Contains) is { } image)
        {
            return $"{image} only applies to --target containers: --target inprocess runs the reference double in this process and smtp4dev as a local process.";
        }

        if (valueOf("--kratos-image") is { } kratos && !IsDoubleImage(kratos) && DoubleOnly.FirstOrDefault(given.Contains) is { } doubleOnly)
        {
            return $"{doubleOnly} only means something to the reference double, not to --kratos-image {kratos}: real Kratos has no such switch (its version is the image's tag). Remove {doubleOnly}, or leave out --kratos-image to run the double.";
        }

        if (MailImageProblem(valueOf("--mail") ?? MailSinkKind.Smtp4dev.Id(), valueOf("--mail-image")) is { } mailImage)
        {
            return mailImage;
        }

        if (given.Contains("--schema") && !given.Contains("--config"))
        {
            return "--schema needs --config: give your kratos.yml too (its identity.schemas must name the schema).";
        }

        var sink = valueOf("--mail") ?? "smtp4dev";
        if (valueOf("--mail-access") is "imap" or "pop3" && sink != "smtp4dev" && target != TargetKind.External)
        {
            return $"--mail-access {valueOf("--mail-access")} needs --mail smtp4dev: {sink} has no {valueOf("--mail-access")!.ToUpperInvariant()} server.";
        }

        if (given.Contains("--reference-ui") && target != TargetKind.InProcess)
        {
            return $"--reference-ui only applies to --target inprocess: --target {target.Id()} {(target == TargetKind.External ? "drives the UI your deployment redirects to (--ui-url or --config)" : "runs the server-rendered reference UI")}.";
        }

        // Without --ui-url an external deployment's UI is its config's selfservice.flows.login.ui_url; the other targets
        // drive the harness's reference UI, which needs no map.
        if (given.Contains("--ui-selectors") && !given.Contains("--ui-url") && !(target == TargetKind.External && given.Contains("--config")))
        {
            return "--ui-selectors needs --ui-url (or --target external with --config, whose selfservice.flows.login.ui_url is your UI): the map overrides elements of your own login UI; the reference UIs need none.";
        }

        return null;
    }

    /// <summary>The local double's image (any tag): the one image --emulate and --deviations mean something to.</summary>
    public static bool IsDoubleImage(string image) =>
        string.Equals(Repository(image), LocalImages.DoubleRepository, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why <paramref name="image"/> can not be the image of the <paramref name="sink"/> that --mail starts, or null:
    /// the harness speaks each sink's own API, so an image of another sink (or of none) would fail every mail wait.
    /// An image is taken as a sink's when its repository names it (axllent/mailpit, mailhog/mailhog, rnwood/smtp4dev,
    /// a mirror's …/mailpit).
    /// </summary>
    public static string? MailImageProblem(string sink, string? image)
    {
        if (image is null)
        {
            return null;
        }

        var repository = Repository(image);
        if (repository.Contains(sink, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var other = SettingNames.Ids<MailSinkKind>().FirstOrDefault(id => repository.Contains(id, StringComparison.OrdinalIgnoreCase));
        return other is not null
            ? $"--mail-image {image} is a {other} image, but --mail {sink} starts {sink} and reads it with {sink}'s API: give --mail {other} for this image."
            : $"--mail-image {image} is not a {sink} image (its name does not say {sink}): --mail {sink} reads the sink with {sink}'s API. Give an image of {sink} (e.g. {DefaultMailImage(sink)}), or the --mail its image is of.";
    }

    private static string DefaultMailImage(string sink) =>
        SettingNames.Parse<MailSinkKind>(sink) switch
        {
            MailSinkKind.Mailpit => MailpitBuilder.DefaultImage,
            MailSinkKind.MailHog => MailHogBuilder.DefaultImage,
            _ => "rnwood/smtp4dev:3.15.0",
        };

    /// <summary>"registry:5000/axllent/mailpit:v1.21@sha256:…" → "registry:5000/axllent/mailpit".</summary>
    private static string Repository(string image)
    {
        var name = image.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > lastSlash ? name[..colon] : name;
    }
}
