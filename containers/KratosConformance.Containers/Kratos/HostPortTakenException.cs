namespace KratosConformance.Containers;

/// <summary>
/// Docker could not publish Kratos's public port on the host: another process bound it between
/// <see cref="FreePort.Pick" /> and the container's start. The port has to be chosen before the start because Kratos
/// must be told its own public base URL; nothing ran against this Kratos, so starting again on a new port changes no
/// verdict (<c>ContainersTarget</c> does that once).
/// </summary>
public sealed class HostPortTakenException : Exception
{
    public HostPortTakenException(int port, string image, Exception cause)
        : base(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Kratos ({image}) did not start: host port {port}, chosen for its public API before the start (serve.public.base_url must name it), was bound by another process before Docker could publish it ({FirstLine(cause)}). Nothing ran against this Kratos; free the port range {FreePort.PickRange().Low}–{FreePort.PickRange().High} of long-lived listeners or run again."),
            cause)
    {
        Port = port;
    }

    /// <summary>The host port that was taken.</summary>
    public int Port { get; }

    /// <summary>Docker's words for a host port it could not bind: "address already in use", "port is already allocated".</summary>
    public static bool IsCollision(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstLine(Exception cause) => cause.GetBaseException().Message.Split('\n', 2)[0].TrimEnd();
}
