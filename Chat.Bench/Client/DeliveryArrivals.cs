using System.Collections.Concurrent;

namespace Chat.Bench.Client;

/// <summary>
/// When each tagged message reached its recipient, per event: the recipients' subscriptions (<c>m</c>: messageAdded,
/// <c>n</c>: notificationAdded) record the first arrival of each content tag, and a sender can await it. Group
/// members' own messageAdded subscriptions (<c>f</c>, the fan-out) are only counted. Anything unexpected (errors,
/// completes, duplicates) is counted so a run cannot hide it.
/// </summary>
public sealed class DeliveryArrivals
{
    public const string MessageSubscription = "subscription { messageAdded { messageId content } }";

    public const string NotificationSubscription = "subscription { notificationAdded { type message } }";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _notifications = new(StringComparer.Ordinal);
    private int _duplicates;
    private long _fanOut;

    public int Duplicates => _duplicates;

    public long FanOutFrames => Interlocked.Read(ref _fanOut);

    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>The Stopwatch timestamp at which the recipient's messageAdded for <paramref name="tag"/> arrived.</summary>
    public Task<long> Message(string tag) => Slot(_messages, tag).Task;

    public Task<long> Notification(string tag) => Slot(_notifications, tag).Task;

    public bool HasMessage(string tag) => _messages.TryGetValue(tag, out var slot) && slot.Task.IsCompleted;

    public bool HasNotification(string tag) => _notifications.TryGetValue(tag, out var slot) && slot.Task.IsCompleted;

    /// <summary>Arrival time in Stopwatch ticks, or null.</summary>
    public long? MessageAt(string tag) => HasMessage(tag) ? _messages[tag].Task.Result : null;

    public long? NotificationAt(string tag) => HasNotification(tag) ? _notifications[tag].Task.Result : null;

    public void OnFrame(GraphQLWsFrame frame)
    {
        if (frame.Type != "next" || frame.Payload is not { } payload)
        {
            Problems.Enqueue($"{frame.Type} frame for subscription {frame.Id}: {frame.Payload}");
            return;
        }
        var data = payload.GetProperty("data");
        switch (frame.Id)
        {
            case "m":
                Record(_messages, data.GetProperty("messageAdded").GetProperty("content").GetString(), frame.ReceivedAt);
                break;
            case "n" when data.GetProperty("notificationAdded") is var notification && notification.GetProperty("type").GetString() == "NEW_MESSAGE":
                Record(_notifications, notification.GetProperty("message").GetString(), frame.ReceivedAt);
                break;
            case "f":
                Interlocked.Increment(ref _fanOut);
                break;
        }
    }

    private void Record(ConcurrentDictionary<string, TaskCompletionSource<long>> arrivals, string? tag, long receivedAt)
    {
        if (tag is not null && !Slot(arrivals, tag).TrySetResult(receivedAt))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }

    private static TaskCompletionSource<long> Slot(ConcurrentDictionary<string, TaskCompletionSource<long>> arrivals, string tag) =>
        arrivals.GetOrAdd(tag, static _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
