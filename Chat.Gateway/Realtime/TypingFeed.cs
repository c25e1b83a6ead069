using System.Collections.Concurrent;
using System.Text.Json;
using Chat.Gateway.Configuration;
using Chat.Gateway.Schema.Subscriptions.Types;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Typing indicators: <c>setTyping</c> publishes on the Redis channel <c>typing:updates</c> (never stored), every
/// instance relays to its <c>typing(conversationId)</c> subscribers. The same state repeated by a user in a
/// conversation within <c>WebSockets:TypingThrottle</c> is not published again; a change always is.
/// </summary>
public sealed partial class TypingFeed(
    IConnectionMultiplexer redis, ConversationMembership membership, IOptions<GraphQLWebSocketOptions> options, ILogger<TypingFeed> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("typing:updates");

    private readonly KeyedSubscribers<Guid, TypingSubscriber> subscribers = new();
    private readonly ConcurrentDictionary<(Guid User, Guid Conversation), (bool IsTyping, long At)> lastPublished = new();
    private readonly SharedRedisChannel channel = new(redis, Channel);

    /// <summary>Publishes unless throttled; true when published.</summary>
    public async Task<bool> PublishAsync(Guid userId, Guid conversationId, bool isTyping)
    {
        var now = Environment.TickCount64;
        var throttle = (long)options.Value.TypingThrottle.TotalMilliseconds;
        var key = (userId, conversationId);
        if (lastPublished.TryGetValue(key, out var last) && last.IsTyping == isTyping && now - last.At < throttle)
        {
            return false;
        }
        lastPublished[key] = (isTyping, now);
        if (lastPublished.Count > 10_000)
        {
            foreach (var (staleKey, value) in lastPublished.Where(entry => now - entry.Value.At >= throttle).ToList())
            {
                lastPublished.TryRemove(new KeyValuePair<(Guid, Guid), (bool, long)>(staleKey, value));
            }
        }

        var typing = new TypingEvent { ConversationId = conversationId, UserId = userId, IsTyping = isTyping, At = DateTimeOffset.UtcNow };
        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(typing, JsonSerializerOptions.Web));
        return true;
    }

    /// <summary>Typing in <paramref name="conversationId"/> by anyone but <paramref name="userId"/>.</summary>
    public async Task<IObservable<TypingEvent>> SubscribeAsync(Guid userId, Guid conversationId)
    {
        await channel.EnsureOpenAsync(Deliver);
        return new ObservableSource<TypingEvent>(observer =>
        {
            var others = new TypingSubscriber(userId, observer);
            subscribers.Add(conversationId, others);
            return new Unsubscriber(() => subscribers.Remove(conversationId, others));
        });
    }

    private void Deliver(RedisValue payload)
    {
        TypingEvent? typing;
        try
        {
            typing = JsonSerializer.Deserialize<TypingEvent>((string)payload!, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            LogUnreadable(logger, exception);
            return;
        }

        if (typing is null)
        {
            return;
        }

        // Someone removed from the conversation since subscribing stops seeing its typing.
        var participants = membership.ParticipantsOf(typing.ConversationId);
        foreach (var observer in subscribers.Get(typing.ConversationId))
        {
            if (participants is null || participants.Contains(observer.UserId))
            {
                observer.OnNext(typing);
            }
        }
    }

    private sealed class TypingSubscriber(Guid userId, IObserver<TypingEvent> inner) : IObserver<TypingEvent>
    {
        public Guid UserId => userId;

        public void OnNext(TypingEvent value)
        {
            if (value.UserId != userId)
            {
                inner.OnNext(value);
            }
        }

        public void OnError(Exception error) => inner.OnError(error);

        public void OnCompleted() => inner.OnCompleted();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable typing event on Redis; skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
