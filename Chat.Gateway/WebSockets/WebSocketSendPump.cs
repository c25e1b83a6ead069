using System.Net.WebSockets;
using System.Threading.Channels;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// The only writer of a socket: sends queued messages one at a time and in order, then the close frame. The queue
/// is bounded; when it is full the client is not reading fast enough, and the connection is closed with 1013
/// instead of letting memory grow (see <see cref="Configuration.GraphQLWebSocketOptions.SendQueueCapacity"/>).
/// </summary>
public sealed class WebSocketSendPump(WebSocket socket, int capacity)
{
    private readonly Channel<byte[]> queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private (int Code, string Reason)? closeRequest;
    private volatile bool discardQueued;

    /// <summary>Raised once when a message did not fit in the queue.</summary>
    public event Action? Overflowed;

    public (int Code, string Reason)? CloseRequest => closeRequest;

    /// <summary>Queues a message; false once the pump is closing, or when the queue is full (the pump then closes).</summary>
    public bool TrySend(byte[] message)
    {
        if (queue.Writer.TryWrite(message))
        {
            return true;
        }

        if (closeRequest is null)
        {
            Close(CloseCodes.TryAgainLater, "Try again later: the client reads too slowly", discardQueued: true);
            Overflowed?.Invoke();
        }
        return false;
    }

    /// <summary>Sends what is queued (unless <paramref name="discardQueued"/>), then a close frame; the first request wins.</summary>
    public void Close(int code, string reason, bool discardQueued = false)
    {
        lock (queue)
        {
            if (closeRequest is not null)
            {
                return;
            }
            closeRequest = (code, reason);
            this.discardQueued = discardQueued;
        }
        queue.Writer.TryComplete();
    }

    /// <summary>Runs until the close frame is sent or <paramref name="abort"/> fires (which aborts the socket).</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(abort))
        {
            if (discardQueued)
            {
                break;
            }
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, abort);
        }

        if (closeRequest is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, abort);
        }
    }
}
