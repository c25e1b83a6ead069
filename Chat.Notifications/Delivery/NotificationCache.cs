using System.Diagnostics;
using System.Globalization;
using Chat.Notifications.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Notifications.Delivery;

/// <summary>
/// The Redis side of a user's notifications: the list of the newest ones (LPUSH + LTRIM), kept whether or not
/// anyone reads it, and served to readers only while "warm".
/// <para>
/// Warm means: the list was rebuilt from the database by a read (<see cref="TryRebuildAsync"/>), every change
/// since went through this class, and less than <see cref="NotificationOptions.CacheTrustDuration"/> has passed.
/// A version counter in the meta hash is bumped by every push and invalidation; a rebuild is written only if the
/// version it read before querying the database is still current, so a rebuild racing a new notification or a
/// mark-as-read never installs a stale list. Scripts run atomically in Redis.
/// </para>
/// <para>
/// A push comes after its notification committed, so a rebuild can run in between and already hold it. The meta
/// hash therefore keeps the highest position (<see cref="NotificationView.Seq"/>) the installed rebuild saw: positions
/// are handed out in commit order, so every notification at or below it is in the rebuilt list and counts, and a
/// push at or below it only publishes. Pushes may arrive in any order; only a rebuild moves the mark.
/// </para>
/// </summary>
public sealed class NotificationCache(IConnectionMultiplexer redis, IOptions<NotificationOptions> options)
{
    private const string PushScript = """
        redis.call('HINCRBY', KEYS[2], 'version', 1)
        local rebuiltThrough = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
        if tonumber(ARGV[5]) > rebuiltThrough then
          redis.call('LPUSH', KEYS[1], ARGV[1])
          redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
          if redis.call('EXISTS', KEYS[3]) == 1 then
            redis.call('HINCRBY', KEYS[2], 'unread', 1)
            redis.call('HINCRBY', KEYS[2], 'total', 1)
          end
        end
        return redis.call('PUBLISH', ARGV[3], ARGV[4])
        """;

    private const string RebuildScript = """
        local version = redis.call('HGET', KEYS[2], 'version') or '0'
        if version ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        for i = 6, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
        redis.call('HSET', KEYS[2], 'unread', ARGV[2], 'total', ARGV[3], 'seq', ARGV[5])
        redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
        return 1
        """;

    private const string ReadScript = """
        if redis.call('EXISTS', KEYS[3]) == 0 then return false end
        local meta = redis.call('HMGET', KEYS[2], 'unread', 'total')
        local items = {}
        if tonumber(ARGV[1]) > 0 then items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) end
        return {meta[1], meta[2], items}
        """;

    private const string InvalidateScript = """
        redis.call('HINCRBY', KEYS[2], 'version', 1)
        return redis.call('DEL', KEYS[3])
        """;

    private const string DropScript = """
        redis.call('HINCRBY', KEYS[2], 'version', 1)
        return redis.call('DEL', KEYS[3], KEYS[1])
        """;

    private IDatabase Database => redis.GetDatabase();

    /// <summary>False while no Redis connection is up: calls would only wait to fail.</summary>
    public bool IsConnected => redis.IsConnected;

    /// <summary>
    /// Adds a committed notification to the list and publishes it on the user's channel, with the trace context
    /// of this call so the gateway's push continues the trace: that of <paramref name="cause"/> when given, else the current one.
    /// </summary>
    public async Task PushAndPublishAsync(NotificationView notification, ActivityContext cause = default)
    {
        using var activity = NotificationTracing.StartRedisCall("EVALSHA", "push notification", cause);
        try
        {
            await Database.ScriptEvaluateAsync(PushScript, Keys(notification.UserId),
            [
                notification.ToJson(), options.Value.CachedPerUser, NotificationCacheKeys.Channel(notification.UserId),
                notification.ToChannelJson(activity), notification.Seq,
            ]);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.SetTag("error.type", exception.GetType().FullName);
            throw;
        }
    }

    /// <summary>The first <paramref name="count"/> notifications, unread and total counts — or null when not warm.</summary>
    public async Task<CachedFirstPage?> TryReadFirstPageAsync(Guid userId, int count)
    {
        var result = await Database.ScriptEvaluateAsync(ReadScript, Keys(userId), [count]);
        if (result.IsNull || result.Resp2Type != ResultType.Array)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var items = ((RedisResult[])parts[2]!).Select(item => NotificationView.FromJson((string)item!)).ToList();
        return new CachedFirstPage(items, ToInt(parts[0]), ToInt(parts[1]));
    }

    /// <summary>The version to pass to <see cref="TryRebuildAsync"/>; read it BEFORE querying the database.</summary>
    public async Task<string> ReadVersionAsync(Guid userId) =>
        (string?)await Database.HashGetAsync(NotificationCacheKeys.Meta(userId), "version") ?? "0";

    /// <summary>
    /// Installs the database's view (newest first) of every notification up to <see cref="NotificationCounts.Through"/>
    /// and marks the list warm, unless something changed since <paramref name="version"/>.
    /// </summary>
    public async Task<bool> TryRebuildAsync(
        Guid userId, string version, IReadOnlyList<NotificationView> newest, NotificationCounts counts)
    {
        var arguments = new List<RedisValue>
        {
            version, counts.Unread, counts.Total, (long)options.Value.CacheTrustDuration.TotalMilliseconds, counts.Through,
        };
        arguments.AddRange(newest.Take(options.Value.CachedPerUser).Select(n => (RedisValue)n.ToJson()));
        var written = await Database.ScriptEvaluateAsync(RebuildScript, Keys(userId), [.. arguments]);
        return (int)written == 1;
    }

    /// <summary>Stops serving the list until the next rebuild; call after the database change is committed.</summary>
    public Task InvalidateAsync(Guid userId) => Database.ScriptEvaluateAsync(InvalidateScript, Keys(userId));

    /// <summary>
    /// Removes the list itself, not only its warm marker, so text that must not be shown any more is not even kept;
    /// the version bump stops a rebuild that read the database before the change from installing the old text.
    /// </summary>
    public Task DropAsync(Guid userId) => Database.ScriptEvaluateAsync(DropScript, Keys(userId));

    private static RedisKey[] Keys(Guid userId) =>
        [NotificationCacheKeys.List(userId), NotificationCacheKeys.Meta(userId), NotificationCacheKeys.Warm(userId)];

    private static int ToInt(RedisResult value) =>
        value.IsNull ? 0 : int.Parse((string)value!, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
