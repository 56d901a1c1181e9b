using System.Net;
using System.Net.Sockets;

namespace KratosConformance.Containers;

/// <summary>Asks the OS for a free loopback port; Docker then binds exactly that port (a tiny race is accepted).</summary>
public static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
