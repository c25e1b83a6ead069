using System.Globalization;
using System.Text.Json;
using Chat.Contracts.Events;
using Chat.Presence.Configuration;
using Chat.Presence.Domain;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Presence.State;

/// <summary>
/// Presence state in Redis. Every call is bounded by <c>Presence:RedisTimeout</c> and fails fast while the
/// multiplexer is disconnected, so a dead Redis means a quick 503, not a request hanging on the backlog.
/// </summary>
public sealed class PresenceStore(IConnectionMultiplexer redis, IOptions<PresenceOptions> options, TimeProvider time)
{
    private static readonly RedisValue[] UserFields = ["status", "lastSeenAt"];

    private PresenceOptions Options => options.Value;

    public Task<PresenceChange> HeartbeatAsync(Guid userId, CancellationToken cancellationToken) =>
        RunScriptAsync(PresenceScripts.Heartbeat, userId, [], cancellationToken);

    public Task<PresenceChange> SetStatusAsync(Guid userId, PresenceStatus status, CancellationToken cancellationToken) =>
        RunScriptAsync(PresenceScripts.SetStatus, userId, [PresenceWire.ToWire(status)], cancellationToken);

    /// <summary>Users whose last heartbeat is old enough for a transition (at most <paramref name="limit"/> of each kind).</summary>
    public Task<Guid[]> DueAsync(DateTimeOffset awayBefore, DateTimeOffset offlineBefore, int limit, CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var batch = database.CreateBatch();
            var away = batch.SortedSetRangeByScoreAsync(PresenceKeys.AwayDue, double.NegativeInfinity, awayBefore.ToUnixTimeMilliseconds(), take: limit);
            var offline = batch.SortedSetRangeByScoreAsync(PresenceKeys.OfflineDue, double.NegativeInfinity, offlineBefore.ToUnixTimeMilliseconds(), take: limit);
            batch.Execute();
            return (await away).Concat(await offline).Select(id => Guid.Parse(id.ToString())).Distinct().ToArray();
        }, cancellationToken);

    /// <summary>Applies the sweep rule to each candidate in one round trip; returns the transitions this call won.</summary>
    public Task<List<PresenceTransition>> SweepAsync(
        IReadOnlyList<Guid> userIds, DateTimeOffset awayBefore, DateTimeOffset offlineBefore, CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var batch = database.CreateBatch();
            var now = time.GetUtcNow();
            var runs = userIds.Select(userId =>
            {
                var transitionId = Guid.CreateVersion7(now);
                return (userId, transitionId, result: batch.ScriptEvaluateAsync(PresenceScripts.Sweep, KeysFor(userId),
                    ArgumentsFor(userId, now, transitionId, Millis(awayBefore), Millis(offlineBefore))));
            }).ToList();
            batch.Execute();
            var won = new List<PresenceTransition>();
            foreach (var (userId, transitionId, result) in runs)
            {
                if (ParseChange(userId, transitionId, now, await result) is { Transition: { } transition })
                {
                    won.Add(transition);
                }
            }
            return won;
        }, cancellationToken);

    /// <summary>The live state of each user (null when Redis knows nothing), read in one round trip.</summary>
    public Task<UserPresence?[]> GetManyAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var batch = database.CreateBatch();
            var reads = userIds.Select(userId => batch.HashGetAsync(PresenceKeys.User(userId), UserFields)).ToList();
            batch.Execute();
            var result = new UserPresence?[userIds.Count];
            for (var i = 0; i < reads.Count; i++)
            {
                var fields = await reads[i];
                result[i] = fields[0].IsNull ? null : new UserPresence(userIds[i], PresenceWire.FromWire(fields[0]!), FromMillis(fields[1]));
            }
            return result;
        }, cancellationToken);

    public Task<long> CountOnlineAsync(CancellationToken cancellationToken) =>
        GuardAsync(database => database.SetLengthAsync(PresenceKeys.Online), cancellationToken);

    public Task PublishAsync(PresenceTransition transition, CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var message = JsonSerializer.Serialize(new PresenceUpdateMessage(transition.UserId, transition.Status, transition.LastSeenAt), JsonSerializerOptions.Web);
            return await database.PublishAsync(RedisChannel.Literal(PresenceKeys.UpdatesChannel), message);
        }, cancellationToken);

    /// <summary>Transitions parked by the scripts whose history row and event may still be unwritten.</summary>
    public Task<List<PresenceTransition>> PendingAsync(CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var entries = await database.HashGetAllAsync(PresenceKeys.Pending);
            return entries.Select(entry => PendingTransition.Parse(entry.Value!)).ToList();
        }, cancellationToken);

    public Task CompletePendingAsync(Guid transitionId, CancellationToken cancellationToken) =>
        GuardAsync(database => database.HashDeleteAsync(PresenceKeys.Pending, transitionId.ToString("D")), cancellationToken);

    private Task<PresenceChange> RunScriptAsync(string script, Guid userId, RedisValue[] extra, CancellationToken cancellationToken) =>
        GuardAsync(async database =>
        {
            var now = time.GetUtcNow();
            var transitionId = Guid.CreateVersion7(now);
            var result = await database.ScriptEvaluateAsync(script, KeysFor(userId), ArgumentsFor(userId, now, transitionId, extra));
            return ParseChange(userId, transitionId, now, result)
                ?? throw new InvalidOperationException("Presence script returned no state.");
        }, cancellationToken);

    private RedisValue[] ArgumentsFor(Guid userId, DateTimeOffset now, Guid transitionId, params RedisValue[] extra) =>
        [userId.ToString("D"), now.ToUnixTimeMilliseconds(), (long)Options.KeyTtl.TotalMilliseconds, transitionId.ToString("D"), .. extra];

    private static RedisKey[] KeysFor(Guid userId) =>
        [PresenceKeys.User(userId), PresenceKeys.AwayDue, PresenceKeys.OfflineDue, PresenceKeys.Online, PresenceKeys.Pending];

    private static PresenceChange? ParseChange(Guid userId, Guid transitionId, DateTimeOffset now, RedisResult result)
    {
        if (result.IsNull)
        {
            return null;
        }
        var parts = (RedisResult[])result!;
        var status = PresenceWire.FromWire(parts[0].ToString());
        var previous = parts[1].ToString() is { Length: > 0 } text ? PresenceWire.FromWire(text) : (PresenceStatus?)null;
        var lastSeenAt = FromMillis(parts[2].ToString()) ?? now;
        var transition = (long)parts[3] == 1 ? new PresenceTransition(transitionId, userId, status, previous, lastSeenAt, now) : null;
        return new PresenceChange(new UserPresence(userId, status, lastSeenAt), transition);
    }

    private static long Millis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset? FromMillis(RedisValue value) =>
        value.IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)double.Parse(value.ToString(), CultureInfo.InvariantCulture));

    private async Task<T> GuardAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            throw new PresenceStoreUnavailableException("Redis is not connected.");
        }
        try
        {
            return await operation(redis.GetDatabase()).WaitAsync(Options.RedisTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or RedisException)
        {
            throw new PresenceStoreUnavailableException("Redis did not answer in time.", exception);
        }
    }

    private async Task GuardAsync(Func<IDatabase, Task> operation, CancellationToken cancellationToken) =>
        await GuardAsync(async database => { await operation(database); return true; }, cancellationToken);
}
