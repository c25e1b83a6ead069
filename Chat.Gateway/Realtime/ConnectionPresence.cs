using Chat.Gateway.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// An open WebSocket connection counts as presence activity: a user's first connection on this instance sends a
/// heartbeat at once (later ones add nothing Presence does not know), every connected user is heartbeated every
/// <c>WebSockets:PresenceHeartbeatInterval</c>, and when a user's last connection closes the user is set OFFLINE. At
/// most <c>WebSockets:MaxConcurrentPresenceCalls</c> of these calls are in flight, so a connection storm costs Presence
/// a few sockets, not one per connection. "Last" is counted across gateway instances with the Redis
/// counter <c>presence:connections:{userId}</c> (INCR/DECR, expiring after three intervals without a refresh, so a
/// crashed instance's connections stop counting).
/// </summary>
public sealed partial class ConnectionPresence(
    PresenceActivityClient presence,
    IConnectionMultiplexer redis,
    IOptions<GraphQLWebSocketOptions> options,
    ILogger<ConnectionPresence> logger) : BackgroundService
{
    private readonly Dictionary<Guid, List<Func<string?>>> connected = [];
    // Never disposed: fire-and-forget calls may still release it at shutdown, and it holds no wait handle.
    private readonly SemaphoreSlim callSlots = new(options.Value.MaxConcurrentPresenceCalls);

    private TimeSpan CounterExpiry => options.Value.PresenceHeartbeatInterval * 3;

    public static RedisKey CounterKey(Guid userId) => "presence:connections:" + userId;

    /// <summary>Registers a connection; disposing the lease unregisters it.</summary>
    public IDisposable Connected(Guid userId, Func<string?> accessToken)
    {
        bool first;
        lock (connected)
        {
            if (!connected.TryGetValue(userId, out var tokens))
            {
                connected[userId] = tokens = [];
            }
            first = tokens.Count == 0;
            tokens.Add(accessToken);
        }
        _ = OnConnectedAsync(userId, accessToken, first);
        return new Unsubscriber(() => _ = OnDisconnectedAsync(userId, accessToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceHeartbeatInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            List<(Guid UserId, Func<string?> Token)> users;
            lock (connected)
            {
                users = [.. connected.Select(entry => (entry.Key, entry.Value[^1]))];
            }
            foreach (var (userId, token) in users)
            {
                await RefreshCounterAsync(userId);
                if (token() is { } accessToken)
                {
                    await CallPresenceAsync(() => presence.HeartbeatAsync(accessToken, stoppingToken));
                }
            }
        }
    }

    private async Task OnConnectedAsync(Guid userId, Func<string?> accessToken, bool first)
    {
        try
        {
            var key = CounterKey(userId);
            await redis.GetDatabase().StringIncrementAsync(key);
            await redis.GetDatabase().KeyExpireAsync(key, CounterExpiry);
        }
        catch (RedisException exception)
        {
            LogCounterFailed(logger, exception);
        }
        if (first && accessToken() is { } token)
        {
            await CallPresenceAsync(() => presence.HeartbeatAsync(token, CancellationToken.None));
        }
    }

    private async Task OnDisconnectedAsync(Guid userId, Func<string?> accessToken)
    {
        bool lastHere;
        lock (connected)
        {
            var tokens = connected[userId];
            tokens.Remove(accessToken);
            lastHere = tokens.Count == 0;
            if (lastHere)
            {
                connected.Remove(userId);
            }
        }

        long remaining = 0;
        try
        {
            remaining = await redis.GetDatabase().StringDecrementAsync(CounterKey(userId));
            if (remaining <= 0)
            {
                await redis.GetDatabase().KeyDeleteAsync(CounterKey(userId));
            }
        }
        catch (RedisException exception)
        {
            LogCounterFailed(logger, exception); // without the counter, this instance's view decides
        }

        if (lastHere && remaining <= 0 && accessToken() is { } token)
        {
            await CallPresenceAsync(() => presence.SetOfflineAsync(token, CancellationToken.None));
        }
    }

    private async Task CallPresenceAsync(Func<Task> call)
    {
        await callSlots.WaitAsync();
        try
        {
            await call();
        }
        finally
        {
            callSlots.Release();
        }
    }

    private async Task RefreshCounterAsync(Guid userId)
    {
        try
        {
            await redis.GetDatabase().KeyExpireAsync(CounterKey(userId), CounterExpiry);
        }
        catch (RedisException exception)
        {
            LogCounterFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection counter in Redis unavailable")]
    private static partial void LogCounterFailed(ILogger logger, Exception exception);
}
