using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// One Redis channel subscription per instance for a feed that every local subscriber shares: opened on first use,
/// opened again after a failed attempt, each message handed to the feed's handler.
/// </summary>
public sealed class SharedRedisChannel(IConnectionMultiplexer redis, RedisChannel channel)
{
    private readonly Lock _gate = new();
    private Task? _opened;

    /// <summary>
    /// Completes once the subscription is live, so nothing published afterwards is missed. A feed passes its one
    /// handler every time; the call that opens the subscription attaches it.
    /// </summary>
    public Task EnsureOpenAsync(Action<RedisValue> deliver)
    {
        lock (_gate)
        {
            if (_opened is null || _opened.IsFaulted)
            {
                _opened = OpenAsync(deliver);
            }
            return _opened;
        }
    }

    private async Task OpenAsync(Action<RedisValue> deliver)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(channel);
        queue.OnMessage(message => deliver(message.Message));
    }
}
