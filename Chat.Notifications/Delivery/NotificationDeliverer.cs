namespace Chat.Notifications.Delivery;

/// <summary>
/// Takes committed notifications to Redis: the user's list and channel. The database is the source of truth, so
/// a Redis failure here loses only the real-time push (clients re-read on reconnect) and is logged, never thrown
/// into the consumer, which would otherwise retry an event whose effect is already committed.
/// </summary>
public sealed partial class NotificationDeliverer(
    NotificationCache cache, NotificationMetrics metrics, TimeProvider time, ILogger<NotificationDeliverer> logger)
{
    public async Task DeliverAsync(IReadOnlyList<PendingDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            metrics.Created(delivery.Notification.Type);
        }

        // One round trip's worth of latency for a whole group, not one per recipient.
        await Task.WhenAll(deliveries.Select(DeliverOneAsync));
    }

    private async Task DeliverOneAsync(PendingDelivery delivery)
    {
        var notification = delivery.Notification;
        try
        {
            await cache.PushAndPublishAsync(NotificationView.From(notification));
            metrics.Delivered(notification.Type, time.GetUtcNow() - delivery.EventOccurredAt);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, notification.Id, notification.UserId);
            await TryInvalidateAsync(notification.UserId);
        }
    }

    /// <summary>A list that missed a notification must not be served as complete.</summary>
    private async Task TryInvalidateAsync(Guid userId)
    {
        try
        {
            await cache.InvalidateAsync(userId);
        }
        catch (Exception exception)
        {
            LogInvalidationFailed(exception, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} for user {UserId} is stored but could not be pushed to Redis")]
    private partial void LogDeliveryFailed(Exception exception, Guid notificationId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached notifications of user {UserId}; they expire on their own")]
    private partial void LogInvalidationFailed(Exception exception, Guid userId);
}
