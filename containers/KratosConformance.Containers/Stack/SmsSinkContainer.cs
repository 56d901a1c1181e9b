namespace KratosConformance.Containers;

/// <summary>
/// The harness's SMS sink (harness/KratosConformance.SmsSink) in a container on the stack's network, reachable by
/// Kratos as <c>http://sms-sink:8080/sms</c> and by the harness through a random host port on 127.0.0.1. No image of
/// its own: the sink's assembly is copied into a container of the local smtp4dev image, whose .NET runtime (with
/// ASP.NET Core) runs it; the runtimeconfig names the frameworks and rolls forward to the ones the image has.
/// </summary>
public static class SmsSinkContainer
{
    public const string Alias = "sms-sink";
    public const ushort Port = 8080;
    private const string Directory = "/sms-sink/";

    /// <summary>The courier channel's URL as Kratos on the stack's network reaches the sink.</summary>
    public static string InternalUrl => $"http://{Alias}:{Port.ToString(CultureInfo.InvariantCulture)}/sms";

    public static IContainer Build(string image, string assemblyPath, INetwork network)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        const string runtimeConfig = """
            {"runtimeOptions":{"tfm":"net10.0","rollForward":"LatestMajor","frameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.0"},{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}]}}
            """;
        return new ContainerBuilder(image)
            .WithEntrypoint("/usr/share/dotnet/dotnet")
            .WithCommand(Directory + name + ".dll")
            .WithResourceMapping(File.ReadAllBytes(assemblyPath), Directory + name + ".dll")
            .WithResourceMapping(Encoding.UTF8.GetBytes(runtimeConfig), Directory + name + ".runtimeconfig.json")
            .WithEnvironment("SMS_SINK_PORT", Port.ToString(CultureInfo.InvariantCulture))
            .WithNetwork(network)
            .WithNetworkAliases(Alias)
            .WithPortBinding(Port, true)
            .WithLabel(DockerEnvironment.SessionLabels)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                r => r.ForPort(Port).ForPath("/health"), o => o.WithTimeout(ContainerPatience.FromEnvironment().MailSinkReady.Limit)))
            .Build();
    }

    /// <summary>The sink's base URL as this machine reaches it (the reader's --sms-url equivalent).</summary>
    public static Uri HostUrl(IContainer container) =>
        new($"http://127.0.0.1:{container.GetMappedPublicPort(Port).ToString(CultureInfo.InvariantCulture)}/");
}
