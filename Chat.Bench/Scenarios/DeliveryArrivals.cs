using System.Collections.Concurrent;
using System.Text.Json;

namespace Chat.Bench.Scenarios;

/// <summary>
/// When each tagged message reached its recipient, per event: listens on recipients' subscriptions
/// (<c>m</c>: messageAdded, <c>n</c>: notificationAdded) and keeps the first arrival of each content tag.
/// Anything unexpected (errors, completes, closed sockets, duplicates) is counted so a run cannot hide it.
/// </summary>
public sealed class DeliveryArrivals
{
    public const string MessageSubscription = "subscription { messageAdded { messageId content } }";

    public const string NotificationSubscription = "subscription { notificationAdded { type message } }";

    public ConcurrentDictionary<string, long> Messages { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Notifications { get; } = new(StringComparer.Ordinal);

    public int Duplicates => _duplicates;

    public ConcurrentQueue<string> Problems { get; } = new();

    private int _duplicates;

    public async Task ListenAsync(GraphQLWsClient client, CancellationToken cancellationToken)
    {
        try
        {
            while (await client.ReceiveAsync(cancellationToken) is { } frame)
            {
                if (frame.Type != "next" || frame.Payload is not { } payload)
                {
                    Problems.Enqueue($"{frame.Type} frame for subscription {frame.Id}: {frame.Payload}");
                    continue;
                }
                Record(frame.Id, payload, frame.ReceivedAt);
            }
            Problems.Enqueue("socket closed by the server: " + client.CloseStatus);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Record(string? subscription, JsonElement payload, long receivedAt)
    {
        var data = payload.GetProperty("data");
        var (arrivals, tag) = subscription switch
        {
            "m" => (Messages, data.GetProperty("messageAdded").GetProperty("content").GetString()),
            "n" when data.GetProperty("notificationAdded").GetProperty("type").GetString() == "NEW_MESSAGE" =>
                (Notifications, data.GetProperty("notificationAdded").GetProperty("message").GetString()),
            _ => (null, null),
        };
        if (arrivals is not null && tag is not null && !arrivals.TryAdd(tag, receivedAt))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
