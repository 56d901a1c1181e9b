using System.Net;
using System.Net.Sockets;

namespace KratosConformance.Harness.Ports;

/// <summary>
/// A port on 127.0.0.1 that is ours from the moment its number is known: a socket bound to port 0 (the kernel picks a
/// free port and gives it to this socket alone) and listening, handed to the server that serves on it
/// (<c>KratosDoubleOptions.PublicListener</c>). Picking a "free" number and binding it later lets anyone bind it in
/// between; under load that was 38 × "address already in use" in one run.
/// </summary>
public static class LoopbackListener
{
    /// <summary>A listening socket on 127.0.0.1:&lt;free port&gt;; whoever takes it over closes it.</summary>
    public static Socket Reserve()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ of a reserved socket.</summary>
    public static Uri UrlOf(Socket listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        return new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }
}
