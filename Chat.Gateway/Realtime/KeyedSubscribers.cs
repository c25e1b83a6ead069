using System.Collections.Immutable;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Local subscribers by key (a user, a conversation). Readers take an immutable snapshot, so publishing never
/// blocks on subscribing and a subscriber added while an event is delivered simply misses that one event.
/// </summary>
public sealed class KeyedSubscribers<TKey, TSubscriber> where TKey : notnull
{
    private readonly Dictionary<TKey, ImmutableArray<TSubscriber>> byKey = [];
    private readonly Lock gate = new();

    /// <summary>Adds a subscriber; returns how many the key has now (1 means it is the first).</summary>
    public int Add(TKey key, TSubscriber subscriber)
    {
        lock (gate)
        {
            var list = byKey.GetValueOrDefault(key, []).Add(subscriber);
            byKey[key] = list;
            return list.Length;
        }
    }

    /// <summary>Removes a subscriber; returns how many the key has left (0 means it was the last).</summary>
    public int Remove(TKey key, TSubscriber subscriber)
    {
        lock (gate)
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                return 0;
            }
            list = list.Remove(subscriber);
            if (list.IsEmpty)
            {
                byKey.Remove(key);
            }
            else
            {
                byKey[key] = list;
            }
            return list.Length;
        }
    }

    public ImmutableArray<TSubscriber> Get(TKey key)
    {
        lock (gate)
        {
            return byKey.GetValueOrDefault(key, []);
        }
    }

    public ImmutableArray<TSubscriber> All()
    {
        lock (gate)
        {
            return [.. byKey.Values.SelectMany(list => list)];
        }
    }
}
