using KratosConformance.Cli.Errors;
using KratosConformance.Client.Sms;
using KratosConformance.Client.Waiting;
using KratosConformance.Harness.Targets;

namespace KratosConformance.Cli.Validation;

/// <summary>
/// --sms-url, before any test: only the external target reads a team's SMS sink (containers and inprocess start the
/// harness's own), and the URL must answer <c>GET &lt;sms-url&gt;/messages</c> with a JSON array, the contract of
/// docs/sms-sink.md. Otherwise every SMS scenario would fail with the same unreadable sink.
/// </summary>
public static class SmsSinkCheck
{
    public static async Task CheckAsync(HarnessSettings settings, HttpClient http, Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deadline);
        if (settings.SmsUrl is not { } sms)
        {
            return;
        }

        if (settings.Target != TargetKind.External)
        {
            throw new CliException($"--sms-url is for --target external: the {settings.Target.Id()} target starts the harness's own SMS sink. Drop --sms-url, or add --target external with --public-url, --admin-url and --mail-url.");
        }

        var url = new Uri(sms, "messages?after=0&wait=0");
        string text;
        try
        {
            text = await deadline.RunAsync($"GET {url}", async ct =>
            {
                using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                return response.IsSuccessStatusCode
                    ? body
                    : throw new CliException($"--sms-url {sms}: GET {url} answered {(int)response.StatusCode}; an SMS sink answers 200 with the JSON array of the requests it received (docs/sms-sink.md).");
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or DeadlineExpiredException)
        {
            throw new CliException($"--sms-url {sms}: nothing answers at {url} ({e.Message}). Start the SMS webhook sink your courier.channels[sms] posts to, and give its base URL.");
        }

        try
        {
            SmsSinkReader.ParseListing(text, url);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"--sms-url {sms}: {e.Message}");
        }
    }
}
