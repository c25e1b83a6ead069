using System.Text.Json;
using Chat.Gateway.Schema.Subscriptions.Types;
using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Relays Presence's <c>presence:updates</c> channel: one Redis subscription per instance, opened on first use,
/// fanned out to each <c>presenceChanged</c> subscriber watching the user concerned.
/// </summary>
public sealed partial class PresenceFeed(IConnectionMultiplexer redis, ILogger<PresenceFeed> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("presence:updates");

    private readonly KeyedSubscribers<Guid, IObserver<PresenceEvent>> subscribers = new();
    private readonly SharedRedisChannel channel = new(redis, Channel);

    public async Task<IObservable<PresenceEvent>> SubscribeAsync(IReadOnlyCollection<Guid> userIds)
    {
        await channel.EnsureOpenAsync(Deliver);
        return new ObservableSource<PresenceEvent>(observer =>
        {
            foreach (var userId in userIds)
            {
                subscribers.Add(userId, observer);
            }
            return new Unsubscriber(() =>
            {
                foreach (var userId in userIds)
                {
                    subscribers.Remove(userId, observer);
                }
            });
        });
    }

    private void Deliver(RedisValue payload)
    {
        PresenceEvent change;
        try
        {
            using var document = JsonDocument.Parse((string)payload!);
            var root = document.RootElement;
            change = new PresenceEvent
            {
                UserId = root.GetProperty("userId").GetGuid(),
                Status = root.GetProperty("status").GetString() ?? "",
                LastSeenAt = root.TryGetProperty("lastSeenAt", out var seen) && seen.ValueKind == JsonValueKind.String
                    ? seen.GetDateTimeOffset()
                    : null,
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            LogUnreadable(logger, exception);
            return;
        }

        foreach (var observer in subscribers.Get(change.UserId))
        {
            observer.OnNext(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable presence update on Redis; skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
