using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Chat.AppHost.Resources;

/// <summary>
/// The original's ports (gateway 3000, Postgres 5432...) when they are free, so README's curl examples work;
/// a port someone else holds, or <c>Chat:FreePorts=true</c> (tests), leaves the choice to DCP.
/// </summary>
public static class WellKnownPorts
{
    public const string FreePortsKey = "Chat:FreePorts";

    public static int? IfFree(IConfiguration configuration, int port) =>
        !configuration.GetValue(FreePortsKey, false) && IsFree(port) ? port : null;

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
}
