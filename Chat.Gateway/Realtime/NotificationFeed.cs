using System.Diagnostics;
using System.Text.Json;
using Chat.ServiceDefaults.Eventing;
using Chat.Gateway.Schema.Notifications;
using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Relays <c>notifications:{userId}</c> to local subscribers. One Redis subscription per user with at least one
/// <c>notificationAdded</c> subscription on this instance, however many they have; the last one to go releases it.
/// </summary>
public sealed partial class NotificationFeed(IConnectionMultiplexer redis, ILogger<NotificationFeed> logger)
{
    private readonly KeyedSubscribers<Guid, IObserver<Notification>> subscribers = new();
    private readonly Dictionary<Guid, Task<ChannelMessageQueue>> channels = [];

    public static RedisChannel ChannelOf(Guid userId) => RedisChannel.Literal("notifications:" + userId);

    /// <summary>Subscribed once the returned task completes, so nothing published afterwards is missed.</summary>
    public async Task<IObservable<Notification>> SubscribeAsync(Guid userId)
    {
        Task<ChannelMessageQueue> channel;
        lock (channels)
        {
            // Opened before the observer attaches, so the subscription is live when the resolver returns.
            channel = channels.TryGetValue(userId, out var existing) ? existing : channels[userId] = OpenAsync(userId);
        }
        await channel;
        return new ObservableSource<Notification>(observer =>
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

    private void Release(Guid userId, IObserver<Notification> observer)
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
        Notification? notification;
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
    private static (Notification? Notification, ActivityContext Published) Parse(RedisValue payload)
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
    public static Notification ParseNotification(JsonElement root) =>
        root.Deserialize<Notification>(JsonOptions) ?? throw new JsonException("A notification is JSON null.");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable notification for user {UserId} on Redis; skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, Guid userId);
}
