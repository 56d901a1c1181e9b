using System.Globalization;
using KratosConformance.Client.Waiting;
using KratosConformance.Containers;
using KratosConformance.Harness.Profiles;

namespace KratosConformance.Robustness.Tests;

/// <summary>
/// The reference double as a user runs it next to a deployment: <c>./kc double serve -c kratos.yml --dev
/// --watch-courier</c>, a process of its own on 127.0.0.1, with the harness's base profile and the given SMTP URI, so a
/// run can target it with --target external and the test can kill it.
/// </summary>
internal sealed class DoubleServe : IDisposable
{
    private readonly TempFiles _files;

    private DoubleServe(TempFiles files, KcProcess process, Uri publicUrl, Uri adminUrl)
    {
        _files = files;
        Process = process;
        PublicUrl = publicUrl;
        AdminUrl = adminUrl;
    }

    public KcProcess Process { get; }

    public Uri PublicUrl { get; }

    public Uri AdminUrl { get; }

    /// <summary>
    /// Starts it and waits (within the "double serve start" deadline) until its admin API is ready. With
    /// <paramref name="ui"/> (a login UI's base URL) its flows redirect there: login, settings and error pages under it,
    /// its root the default return URL.
    /// </summary>
    public static async Task<DoubleServe> StartAsync(string smtpConnectionUri, IReadOnlyDictionary<string, string> environment, Patience patience, Uri? ui = null)
    {
        var files = new TempFiles();
        // The double binds these itself; they are known before it starts because its config names them.
        var publicPort = FreePort.Pick();
        var adminPort = FreePort.Pick();
        while (adminPort == publicPort)
        {
            adminPort = FreePort.Pick();
        }

        var publicUrl = new Uri($"http://127.0.0.1:{publicPort}/");
        var adminUrl = new Uri($"http://127.0.0.1:{adminPort}/");
        var composed = new ProfileComposer(Repository.Profiles).Compose(KratosProfiles.Default, new HarnessWiring
        {
            PublicBaseUrl = publicUrl,
            AdminBaseUrl = adminUrl,
            SmtpConnectionUri = smtpConnectionUri,
            SchemaDirectoryUrl = HarnessWiring.InProcessSchemaDirectory(files.Directory),
            LoginUiUrl = ui is null ? null : new Uri(ui, "login"),
            SettingsUiUrl = ui is null ? null : new Uri(ui, "settings"),
            ErrorUiUrl = ui is null ? null : new Uri(ui, "error"),
            DefaultReturnUrl = ui,
            Dev = true,
        });
        files.Write(composed.SchemaFileName, composed.IdentitySchemaJson);
        var config = files.Write("kratos.yml", composed.KratosYml);
        var variables = new Dictionary<string, string>(environment)
        {
            ["SERVE_PUBLIC_HOST"] = "127.0.0.1",
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_HOST"] = "127.0.0.1",
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
        };
        var process = KcProcess.Start(variables, "double", "serve", "-c", config, "--dev", "--watch-courier");
        var serve = new DoubleServe(files, process, publicUrl, adminUrl);
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var request = patience.For("double serve request", TimeSpan.FromSeconds(5));
            await Poll.UntilAsync(
                async ct =>
                {
                    try
                    {
                        return await request.RunAsync("GET admin/health/ready", async t => (await http.GetAsync(new Uri(adminUrl, "admin/health/ready"), t)).IsSuccessStatusCode, ct);
                    }
                    catch (Exception e) when (e is HttpRequestException or DeadlineExpiredException)
                    {
                        return false;
                    }
                },
                ready => ready,
                new PollOptions($"./kc double serve to answer on {adminUrl}; its output:\n{process.Output}", patience.For("double serve start", TimeSpan.FromSeconds(60))));
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Process.Dispose();
        _files.Dispose();
    }
}
