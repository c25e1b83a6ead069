namespace Chat.Gateway.Realtime;

/// <summary>
/// What one subscription has delivered, as positions per key (a conversation's messages, its change log, a user's
/// notifications): an event whose position was delivered already is a repeat — an outbox re-send after a crash between
/// produce and mark-sent carries the same position — and is dropped. Per key, everything up to a floor counts as
/// delivered, plus a window of the positions delivered above it: events that overtake one another (a change log spans
/// two Kafka topics) are all delivered, each once, and the window's size bounds the memory a key takes. A floor common
/// to every key is what a replay covered. Not thread-safe: its stream calls it under its lock.
/// </summary>
public sealed class PositionFilter<TKey>(long floor, int window = PositionFilter<TKey>.DefaultWindow) where TKey : notnull
{
    public const int DefaultWindow = 1024;

    private readonly Dictionary<TKey, Delivered> byKey = [];

    public long Floor { get; private set; } = floor;

    /// <summary>True when the event is new to this subscription (and remembered); events without a position always are.</summary>
    public bool Admit((TKey Key, long Position)? position)
    {
        if (position is null)
        {
            return true;
        }

        var (key, value) = position.Value;
        if (value <= Floor)
        {
            return false;
        }

        if (!byKey.TryGetValue(key, out var delivered))
        {
            byKey[key] = delivered = new Delivered(Floor);
        }
        return delivered.Add(value, window);
    }

    /// <summary>Everything up to <paramref name="position"/> has been delivered, whatever its key.</summary>
    public void RaiseFloor(long position) => Floor = Math.Max(Floor, position);

    private sealed class Delivered(long floor)
    {
        private readonly SortedSet<long> above = [];
        private long floor = floor;

        public bool Add(long position, int window)
        {
            if (position <= floor || !above.Add(position))
            {
                return false;
            }

            // Contiguous positions fold into the floor; past the window the oldest gap is given up on.
            while (above.Count > 0 && (above.Min == floor + 1 || above.Count > window))
            {
                floor = above.Min;
                above.Remove(floor);
            }
            return true;
        }
    }
}
