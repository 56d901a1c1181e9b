namespace KratosConformance.Containers;

/// <summary>
/// Turns Docker's errors into one sentence naming the cause and the fix, so users read "image X is missing: run
/// ./kc images" rather than a Docker.DotNet stack trace.
/// </summary>
public static class DockerProblems
{
    /// <summary>The repository prefix of images this project builds itself.</summary>
    public const string LocalImagePrefix = "kratos-conformance/";

    /// <summary>An explanation when <paramref name="error" /> is a Docker problem this project knows; else null.</summary>
    public static string? Explain(Exception error, string? image = null)
    {
        var text = string.Join(" | ", Chain(error).Select(e => e.Message));
        if (Has(text, "docker.sock") && (Has(text, "connection refused") || Has(text, "no such file")) || error is DockerUnavailableException)
        {
            return $"No Docker daemon answers at {DockerEnvironment.Endpoint}: start it (./kc starts dockerd on Debian), or use --target external / --target inprocess.";
        }

        if (Has(text, "client version") && Has(text, "too new"))
        {
            return "Docker's API version was not negotiated: call DockerEnvironment.EnsureConfigured() before creating any Testcontainers builder (or set DOCKER_API_VERSION to the daemon's).";
        }

        var imageProblem = Has(text, "pull access denied") || Has(text, "manifest unknown") || Has(text, "no such image")
            || Has(text, "repository does not exist") || Has(text, "lookup ") || Has(text, "dial tcp")
            || Has(text, "not found") && Has(text, "image") || Has(text, "/images/create");
        return imageProblem ? ImageMissing(image ?? "the image") : null;
    }

    /// <summary>How to get <paramref name="image" /> onto this machine.</summary>
    public static string ImageMissing(string image) => image.StartsWith(LocalImagePrefix, StringComparison.Ordinal)
        ? $"Image {image} is not present and can not be pulled: it is built from this repository; run `./kc images` (or LocalImages.Ensure…Async)."
        : $"Image {image} is not present and could not be pulled here (no registry reachable). On a machine with registry access run `docker pull {image}` "
          + $"(then `docker save {image} | docker load` here), or use the local images: the double and smtp4dev (`./kc images`).";

    /// <summary>Null when <paramref name="image" /> is present locally; else how to get it.</summary>
    public static async Task<string?> CheckImageAsync(string image, CancellationToken ct = default)
    {
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath);
        return await socket.TryGetJsonAsync($"images/{image}/json", ct).ConfigureAwait(false) is null ? ImageMissing(image) : null;
    }

    /// <summary>
    /// Null when <paramref name="image" /> is present or could be pulled now (within the "image pull" deadline); else
    /// how to get it. Run before anything starts, so a missing image is one message, not a failed start per profile.
    /// </summary>
    public static async Task<string?> EnsureImageAsync(string image, ContainerPatience patience, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patience);
        using var socket = new DockerSocket(DockerSocket.DefaultSocketPath, patience.ImagePull);
        if (await socket.TryGetJsonAsync($"images/{image}/json", ct).ConfigureAwait(false) is not null)
        {
            return null;
        }

        if (image.StartsWith(LocalImagePrefix, StringComparison.Ordinal))
        {
            return ImageMissing(image);
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        var (name, tag) = colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        // The engine answers 200 and streams progress; a failed pull ends the stream with an error object instead.
        var (status, body) = await socket.PostAsync($"images/create?fromImage={Uri.EscapeDataString(name)}&tag={Uri.EscapeDataString(tag)}", ct).ConfigureAwait(false);
        var pulled = status == 200 && !body.Contains("\"error", StringComparison.Ordinal)
            && await socket.TryGetJsonAsync($"images/{image}/json", ct).ConfigureAwait(false) is not null;
        return pulled ? null : ImageMissing(image);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
