using System.Net;
using System.Net.Sockets;

namespace Chat.Tests.Gateway.Support;

/// <summary>A loopback address where nothing listens, so connections are refused at once.</summary>
public static class ClosedPort
{
    public static Uri Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
