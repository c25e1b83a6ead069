using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>A raw <c>graphql-transport-ws</c> client for protocol tests: sends JSON messages, reads them, observes the close.</summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket socket = new();

    public WebSocket Socket => socket;

    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri gatewayUrl)
    {
        var client = new GraphQLWsTestClient();
        client.socket.Options.AddSubProtocol("graphql-transport-ws");
        var url = new UriBuilder(gatewayUrl) { Scheme = gatewayUrl.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(Timeout);
        await client.socket.ConnectAsync(url, timeout.Token);
        return client;
    }

    /// <summary>Connects, sends <c>connection_init</c> with the token and waits for the ack.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(Uri gatewayUrl, string accessToken)
    {
        var client = await ConnectAsync(gatewayUrl);
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
