using System.Net.WebSockets;
using Chat.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// Accepts WebSocket requests on the GraphQL endpoint that speak <c>graphql-transport-ws</c> and runs the protocol
/// for the connection's lifetime; other subprotocols are closed with 4406, as the protocol asks.
/// </summary>
public sealed class GraphQLWebSocketMiddleware(
    RequestDelegate next,
    IOptions<GraphQLWebSocketOptions> options,
    GatewayRealtimeMetrics metrics,
    ILogger<WebSocketConnection> connectionLogger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(MessageTypes.Subprotocol))
        {
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            await refused.CloseOutputAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable",
                context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(MessageTypes.Subprotocol);
        using var connection = new WebSocketConnection(socket, options.Value, connectionLogger);
        await using var protocol = ActivatorUtilities.CreateInstance<GraphQLTransportWsProtocol>(context.RequestServices, connection, context);
        metrics.ConnectionOpened();
        try
        {
            await protocol.RunAsync(context.RequestAborted);
        }
        finally
        {
            metrics.ConnectionClosed();
        }
    }
}
