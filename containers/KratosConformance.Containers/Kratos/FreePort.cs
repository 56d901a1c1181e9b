using System.Net;
using System.Net.Sockets;

namespace KratosConformance.Containers;

/// <summary>
/// A loopback port that is free now, for the one case where a port must be known before the process that binds it
/// starts (Kratos's public port in a container: its base URL is part of its config). Everything this project binds
/// itself binds port 0 and reads the port back instead.
/// <para>
/// The port is drawn from below the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>,
/// 32768–60999 by default), checked by binding it: the kernel hands out ephemeral ports for every bind to port 0 and
/// every outgoing connection, so under load a port picked from that range is soon someone else's ("address already in
/// use"); below it, only a process that names that very port can take it.
/// </para>
/// </summary>
public static class FreePort
{
    private const int Lowest = 20000;
    private const int Tries = 64;

    /// <summary>The range <see cref="Pick"/> draws from: from 20000 to just below the kernel's ephemeral range.</summary>
    public static (int Low, int High) PickRange()
    {
        var (ephemeralLow, _) = EphemeralRange();
        return (Lowest, Math.Max(Lowest + 1000, ephemeralLow) - 1);
    }

    public static int Pick()
    {
        var (_, highest) = PickRange();
        for (var i = 0; i < Tries; i++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (IsFree(port))
            {
                return port;
            }
        }

        // Every draw was taken (a machine full of listeners): let the kernel choose.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The kernel's ephemeral port range; Linux's default when it can not be read.</summary>
    public static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
