using System.Net;
using System.Net.Sockets;

namespace Chat.AppHost.Hosting;

/// <summary>
/// Picks each resource's port when it is declared, so every connection string and service address is known
/// before anything starts. The well-known port when asked for and free, otherwise a free one from the OS.
/// </summary>
public sealed class PortAllocator(bool useWellKnownPorts)
{
    private readonly HashSet<int> _taken = [];
    private readonly Lock _lock = new();

    public int Allocate(int? wellKnownPort = null)
    {
        lock (_lock)
        {
            if (useWellKnownPorts && wellKnownPort is { } port && !_taken.Contains(port) && IsFree(port))
            {
                _taken.Add(port);
                return port;
            }
            while (true)
            {
                var free = FreePort();
                if (_taken.Add(free))
                {
                    return free;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
