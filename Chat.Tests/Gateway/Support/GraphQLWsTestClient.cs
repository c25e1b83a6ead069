using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.TestHost;

namespace Chat.Tests.Gateway.Support;

/// <summary>A raw <c>graphql-transport-ws</c> client for protocol tests: sends JSON messages, reads them, observes the close.</summary>
public sealed class GraphQLWsTestClient(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public WebSocket Socket => socket;

    /// <summary>A real socket to a listening gateway.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri gatewayUrl, string? subprotocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        if (subprotocol is not null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }
        var url = new UriBuilder(gatewayUrl) { Scheme = gatewayUrl.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(url, timeout.Token);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>A socket to an in-process gateway (<see cref="GatewayFactory"/>).</summary>
    public static async Task<GraphQLWsTestClient> ConnectAsync(TestServer server, string? subprotocol = "graphql-transport-ws")
    {
        var client = server.CreateWebSocketClient();
        if (subprotocol is not null)
        {
            client.SubProtocols.Add(subprotocol);
        }
        using var timeout = new CancellationTokenSource(Timeout);
        return new GraphQLWsTestClient(await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), timeout.Token));
    }

    /// <summary>Connects, sends <c>connection_init</c> with the token and waits for the ack.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(Uri gatewayUrl, string accessToken) =>
        await InitAsync(await ConnectAsync(gatewayUrl), accessToken);

    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(TestServer server, string accessToken) =>
        await InitAsync(await ConnectAsync(server), accessToken);

    private static async Task<GraphQLWsTestClient> InitAsync(GraphQLWsTestClient client, string accessToken)
    {
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + accessToken } });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        return client;
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public async Task SendRawAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Subscribes, then pings and waits for the pong: the gateway sets a subscription up before reading on.</summary>
    public async Task SubscribeAsync(string id, string query, object? variables = null)
    {
        await SendAsync(new { id, type = "subscribe", payload = new { query, variables } });
        await SendAsync(new { type = "ping" });
        while (await ReceiveAsync() is { } message)
        {
            if (message["type"]?.GetValue<string>() == "pong")
            {
                return;
            }
            if (message["type"]?.GetValue<string>() == "error")
            {
                throw new InvalidOperationException("Subscription failed: " + message.ToJsonString());
            }
        }
        throw new InvalidOperationException("Closed before the pong: " + socket.CloseStatus + " " + socket.CloseStatusDescription);
    }

    public Task PingAsync(object? payload = null) => SendAsync(payload is null ? new { type = "ping" } : new { type = "ping", payload });

    /// <summary>The next message, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }

    /// <summary>Reads until a message matches, failing at the deadline.</summary>
    public async Task<JsonObject> ReceiveUntilAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = await ReceiveAsync(deadline - DateTime.UtcNow) ??
                throw new InvalidOperationException($"Closed: {socket.CloseStatus} {socket.CloseStatusDescription}");
            if (match(message))
            {
                return message;
            }
        }
        throw new TimeoutException("No matching message within " + timeout);
    }

    /// <summary>Reads (and drops) messages until the server closes; returns its close code and reason.</summary>
    public async Task<(int? Code, string? Reason)> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveAsync(timeout) is not null)
        {
        }
        return ((int?)socket.CloseStatus, socket.CloseStatusDescription);
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // the server went first
            }
        }
        socket.Dispose();
    }
}
