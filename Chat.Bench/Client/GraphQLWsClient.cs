using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Chat.Bench.Client;

/// <summary>
/// The client side of <c>graphql-transport-ws</c> that the benchmarks need, over <see cref="ClientWebSocket"/>:
/// connection_init with a bearer token, then one read loop per socket (<see cref="StartReading"/>) that answers the
/// server's pings, completes our own ping's pong and hands every other frame to the caller. A socket that nobody
/// reads is not a live client: the server's keep-alive would find it dead, so idle sockets are read too.
/// Sends are serialized, since the read loop's pongs and the caller's messages share the socket.
/// </summary>
public sealed class GraphQLWsClient : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _received = new(1024);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private TaskCompletionSource? _pong;

    private GraphQLWsClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public string CloseStatus => $"{_socket.CloseStatus} {_socket.CloseStatusDescription}".Trim();

    /// <summary>The read loop: completes when the server closes the socket or the loop is cancelled.</summary>
    public Task Reading { get; private set; } = Task.CompletedTask;

    /// <summary>Opens a socket to the gateway's GraphQL endpoint and completes once the server acknowledged the token.</summary>
    public static async Task<GraphQLWsClient> ConnectAsync(Uri graphQL, string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        var client = new GraphQLWsClient(socket);
        try
        {
            await socket.ConnectAsync(new UriBuilder(graphQL) { Scheme = graphQL.Scheme == "https" ? "wss" : "ws" }.Uri, cancellationToken);
            await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } }, cancellationToken);
            var ack = await client.ReceiveAsync(cancellationToken);
            if (ack?.Type != "connection_ack")
            {
                throw new InvalidOperationException($"Expected connection_ack, got {ack?.Type ?? "a close"} ({client.CloseStatus}).");
            }
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

    /// <summary>Starts the read loop; <paramref name="onFrame"/> sees every frame but pings and pongs.</summary>
    public void StartReading(Action<GraphQLWsFrame> onFrame, CancellationToken cancellationToken) =>
        Reading = Task.Run(() => ReadLoopAsync(onFrame, cancellationToken), CancellationToken.None);

    /// <summary>A ping answered by a pong within <paramref name="timeout"/>: the server has read everything sent before it.</summary>
    public async Task PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pong = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pong = pong;
        await SendAsync(new { type = "ping" }, cancellationToken);
        await pong.Task.WaitAsync(timeout, cancellationToken);
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task ReadLoopAsync(Action<GraphQLWsFrame> onFrame, CancellationToken cancellationToken)
    {
        try
        {
            while (await ReceiveAsync(cancellationToken) is { } frame)
            {
                switch (frame.Type)
                {
                    case "ping":
                        await SendAsync(new { type = "pong" }, cancellationToken);
                        break;
                    case "pong":
                        _pong?.TrySetResult();
                        break;
                    default:
                        onFrame(frame);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Cancelled by the scenario, or the connection broke: Reading completes and State tells which.
        }
        _pong?.TrySetException(new WebSocketException("The socket closed before the pong: " + CloseStatus));
    }

    /// <summary>The next frame, or null once the server closed the socket.</summary>
    private async Task<GraphQLWsFrame?> ReceiveAsync(CancellationToken cancellationToken)
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
        return new GraphQLWsFrame(
            root.GetProperty("type").GetString() ?? "",
            root.TryGetProperty("id", out var id) ? id.GetString() : null,
            root.TryGetProperty("payload", out var payload) ? payload.Clone() : null,
            receivedAt);
    }

    private async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }
}
