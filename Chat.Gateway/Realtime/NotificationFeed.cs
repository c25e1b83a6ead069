using System.Diagnostics;
using System.Text.Json;
using Chat.ServiceDefaults.Eventing;
using Chat.Gateway.Schema.Subscriptions.Types;
using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Relays <c>notifications:{userId}</c> to local subscribers. One Redis subscription per user with at least one
/// <c>notificationAdded</c> subscription on this instance, however many they have; the last one to go releases it.
/// </summary>
public sealed partial class NotificationFeed(IConnectionMultiplexer redis, ILogger<NotificationFeed> logger)
{
    private readonly KeyedSubscribers<Guid, IObserver<NotificationEvent>> subscribers = new();
    private readonly Dictionary<Guid, Task<ChannelMessageQueue>> channels = [];

    public static RedisChannel ChannelOf(Guid userId) => RedisChannel.Literal("notifications:" + userId);

    /// <summary>Subscribed once the returned task completes, so nothing published afterwards is missed.</summary>
    public async Task<IObservable<NotificationEvent>> SubscribeAsync(Guid userId)
    {
        Task<ChannelMessageQueue> channel;
        lock (channels)
        {
            // Opened before the observer attaches, so the subscription is live when the resolver returns.
            channel = channels.TryGetValue(userId, out var existing) ? existing : channels[userId] = OpenAsync(userId);
        }
        await channel;
        return new ObservableSource<NotificationEvent>(observer =>
        {
            lock (channels)
            {
                subscribers.Add(userId, observer);
                if (!channels.ContainsKey(userId))
                {
                    channels[userId] = OpenAsync(userId);
                }
            }
            return new Unsubscriber(() => Release(userId, observer));
        });
    }

    private void Release(Guid userId, IObserver<NotificationEvent> observer)
    {
        Task<ChannelMessageQueue>? closing = null;
        lock (channels)
        {
            if (subscribers.Remove(userId, observer) == 0 && channels.Remove(userId, out var channel))
            {
                closing = channel;
            }
        }
        if (closing is not null)
        {
            _ = CloseAsync(closing);
        }
    }

    private async Task<ChannelMessageQueue> OpenAsync(Guid userId)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(ChannelOf(userId));
        queue.OnMessage(message => Deliver(userId, message.Message));
        return queue;
    }

    private static async Task CloseAsync(Task<ChannelMessageQueue> channel)
    {
        try
        {
            await (await channel).UnsubscribeAsync();
        }
        catch (RedisException)
        {
            // the connection is gone, and with it the subscription
        }
    }

    private void Deliver(Guid userId, RedisValue payload)
    {
        NotificationEvent? notification;
        ActivityContext published;
        try
        {
            (notification, published) = Parse(payload);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            LogUnreadable(logger, exception, userId);
            return;
        }

        if (notification is null || notification.UserId != userId)
        {
            return;
        }
        using var activity = RealtimeTracing.StartPush("notificationAdded", published);
        var recipients = 0;
        foreach (var observer in subscribers.Get(userId))
        {
            observer.OnNext(notification);
            recipients++;
        }
        activity?.SetTag(RealtimeTracing.Recipients, recipients);
    }

    /// <summary>The notification, and the trace context of the publishing span when the publisher sent one.</summary>
    private static (NotificationEvent? Notification, ActivityContext Published) Parse(RedisValue payload)
    {
        using var document = JsonDocument.Parse((string)payload!);
        var root = document.RootElement;
        return (ParseNotification(root), KafkaTraceContext.Extract(TraceCarrier(root)));
    }

    private static Dictionary<string, string> TraceCarrier(JsonElement root)
    {
        var carrier = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in (string[])["traceparent", "tracestate"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                carrier[name] = value.GetString()!;
            }
        }
        return carrier;
    }

    /// <summary>The Notifications service's JSON of a notification (Redis channel and REST replay have the same shape).</summary>
    public static NotificationEvent ParseNotification(JsonElement root) => new()
    {
        Id = root.GetProperty("id").GetGuid(),
        UserId = root.GetProperty("userId").GetGuid(),
        Type = root.GetProperty("type").GetString() ?? "",
        Title = root.GetProperty("title").GetString() ?? "",
        Message = root.GetProperty("message").GetString() ?? "",
        Data = root.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.GetRawText() : null,
        Read = root.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.True,
        CreatedAt = root.GetProperty("createdAt").GetDateTimeOffset(),
        Seq = SeqOf(root),
        Cursor = MessageEvents.CursorOf(SeqOf(root)),
    };

    /// <summary>Null for a publisher that sent none (or 0: a notification stored before positions existed).</summary>
    private static long? SeqOf(JsonElement root) =>
        root.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.GetInt64() > 0 ? seq.GetInt64() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable notification for user {UserId} on Redis; skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, Guid userId);
}
