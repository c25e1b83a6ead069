using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Chat.Bench;

/// <summary>
/// The client side of <c>graphql-transport-ws</c> that the benchmarks need, over <see cref="ClientWebSocket"/>:
/// connection_init with a bearer token, subscribe, ping/pong and reading frames. Server pings are answered here,
/// so a reader only sees the frames it cares about. One reader and one writer at a time, as ClientWebSocket allows.
/// </summary>
public sealed class GraphQLWsClient : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _received = new(1024);

    private GraphQLWsClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    /// <summary>Opens a socket to the gateway's <c>/graphql</c> and completes once the server acknowledged the token.</summary>
    public static async Task<GraphQLWsClient> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var client = new GraphQLWsClient(socket);
        try
        {
            await socket.ConnectAsync(new UriBuilder(gateway) { Scheme = "ws", Path = "/graphql" }.Uri, cancellationToken);
            await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } }, cancellationToken);
            await client.ExpectAsync("connection_ack", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public Task SubscribeAsync(string id, string query, CancellationToken cancellationToken) =>
        SendAsync(new { id, type = "subscribe", payload = new { query } }, cancellationToken);

    /// <summary>
    /// A ping answered by a pong: the server has read everything sent before it. Only while nobody else reads.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await SendAsync(new { type = "ping" }, cancellationToken);
        await ExpectAsync("pong", cancellationToken);
    }

    /// <summary>The next frame other than a server ping (answered here), or null once the server closed the socket.</summary>
    public async Task<GraphQLWsFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _received.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_received.GetMemory(4096), cancellationToken);
                _received.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            // Taken before parsing, so the time is when the frame was complete on this side.
            var receivedAt = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            using var document = JsonDocument.Parse(_received.WrittenMemory);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetString() ?? "";
            if (type == "ping")
            {
                await SendAsync(new { type = "pong" }, cancellationToken);
                continue;
            }

            return new GraphQLWsFrame(
                type,
                root.TryGetProperty("id", out var id) ? id.GetString() : null,
                root.TryGetProperty("payload", out var payload) ? payload.Clone() : null,
                receivedAt);
        }
    }

    public string CloseStatus => $"{_socket.CloseStatus} {_socket.CloseStatusDescription}";

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
    }

    private Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ExpectAsync(string type, CancellationToken cancellationToken)
    {
        var frame = await ReceiveAsync(cancellationToken);
        if (frame?.Type != type)
        {
            throw new InvalidOperationException($"Expected {type}, got {frame?.Type ?? "a close"} ({CloseStatus}).");
        }
    }
}
