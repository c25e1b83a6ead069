using System.Buffers;
using System.Net.WebSockets;
using Chat.Gateway.Configuration;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// One accepted socket: reads whole text messages (bounded by <c>MaxMessageBytes</c>) and hands them on one at a
/// time, while the <see cref="WebSocketSendPump"/> writes. Closing asks the pump to send the close frame; a peer
/// that does not complete the closing handshake within <c>CloseTimeout</c> is aborted.
/// </summary>
public sealed partial class WebSocketConnection(WebSocket socket, GraphQLWebSocketOptions options, ILogger logger) : IDisposable
{
    private const int InitialBufferBytes = 1024;

    private readonly WebSocketSendPump pump = new(socket, options.SendQueueCapacity);
    private readonly CancellationTokenSource closing = new();
    private readonly CancellationTokenSource abort = new();

    /// <summary>Cancelled as soon as the connection starts closing, for whatever reason.</summary>
    public CancellationToken Closing => closing.Token;

    public (int Code, string Reason)? CloseRequest => pump.CloseRequest;

    /// <summary>Queues a message; false when the connection is closing (a full queue closes it).</summary>
    public bool Send(byte[] message) => pump.TrySend(message);

    public void Close(int code, string reason)
    {
        pump.Close(code, reason);
        BeginClosing();
    }

    public async Task RunAsync(Func<IncomingMessage, Task> onMessage, CancellationToken requestAborted)
    {
        pump.Overflowed += () =>
        {
            LogSlowClient(logger, options.SendQueueCapacity);
            BeginClosing();
        };
        using var aborted = requestAborted.Register(abort.Cancel);
        var sending = pump.RunAsync(abort.Token);
        try
        {
            await ReceiveAsync(onMessage);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // the peer went away or did not finish closing in time
        }
        finally
        {
            Close(CloseCodes.Normal, "Normal closure");
            try
            {
                await sending;
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the socket is gone; nothing left to send to
            }
        }
    }

    private async Task ReceiveAsync(Func<IncomingMessage, Task> onMessage)
    {
        // Idle connections are the common case: each holds a small buffer, grown only for a large message.
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (length > options.MaxMessageBytes)
                        {
                            Close(CloseCodes.MessageTooBig, "Message too big");
                            length = 0; // keep reading to the end of the frame, discarding it
                        }
                        else
                        {
                            buffer = Grow(buffer, length);
                        }
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), abort.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(CloseCodes.Normal, "Normal closure");
                    return;
                }

                if (closing.IsCancellationRequested)
                {
                    continue; // waiting for the peer's close frame; nothing it says matters now
                }

                if (length > options.MaxMessageBytes)
                {
                    Close(CloseCodes.MessageTooBig, "Message too big");
                }
                else if (result.MessageType != WebSocketMessageType.Text || IncomingMessage.Parse(buffer.AsSpan(0, length)) is not { } message)
                {
                    Close(CloseCodes.BadRequest, "Invalid message received");
                }
                else
                {
                    await onMessage(message);
                }

                if (buffer.Length > InitialBufferBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxMessageBytes + 1));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private void BeginClosing()
    {
        if (!closing.IsCancellationRequested)
        {
            closing.Cancel();
            abort.CancelAfter(options.CloseTimeout);
        }
    }

    public void Dispose()
    {
        closing.Dispose();
        abort.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket client too slow: more than {Capacity} messages queued, closing with 1013")]
    private static partial void LogSlowClient(ILogger logger, int capacity);
}
