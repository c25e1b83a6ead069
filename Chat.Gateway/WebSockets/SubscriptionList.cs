using System.Collections.Concurrent;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// The operations running on one connection, by the id the client gave them. An id is reserved before the
/// operation starts, so a second <c>subscribe</c> with the same id is refused even while the first is executing.
/// </summary>
public sealed class SubscriptionList(GatewayRealtimeMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Reserves <paramref name="id"/>; null when an operation with that id is already running.</summary>
    public CancellationToken? TryReserve(string id)
    {
        var entry = new Entry();
        if (!entries.TryAdd(id, entry))
        {
            entry.Cancellation.Dispose();
            return null;
        }
        metrics.SubscriptionStarted();
        return entry.Cancellation.Token;
    }

    /// <summary>Attaches the running stream to its id; false (and the stream is disposed) when the id was completed meanwhile.</summary>
    public bool TryAttach(string id, IDisposable stream)
    {
        if (entries.TryGetValue(id, out var entry))
        {
            lock (entry)
            {
                if (!entry.Cancellation.IsCancellationRequested)
                {
                    entry.Stream = stream;
                    return true;
                }
            }
        }
        stream.Dispose();
        return false;
    }

    public bool Contains(string id) => entries.ContainsKey(id);

    /// <summary>Stops the operation and frees its id; false when no operation had that id.</summary>
    public bool TryRemove(string id)
    {
        if (!entries.TryRemove(id, out var entry))
        {
            return false;
        }
        metrics.SubscriptionEnded();
        lock (entry)
        {
            entry.Cancellation.Cancel();
            entry.Stream?.Dispose();
        }
        entry.Cancellation.Dispose();
        return true;
    }

    public void RemoveAll()
    {
        foreach (var id in entries.Keys)
        {
            TryRemove(id);
        }
    }

    private sealed class Entry
    {
        public CancellationTokenSource Cancellation { get; } = new();

        public IDisposable? Stream { get; set; }
    }
}
