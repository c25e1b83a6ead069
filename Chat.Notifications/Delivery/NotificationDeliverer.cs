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
            await cache.PushAndPublishAsync(NotificationView.From(notification), delivery.Cause);
            metrics.Delivered(notification.Type, time.GetUtcNow() - delivery.EventOccurredAt);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(exception, notification.Id, notification.UserId);
            await TryInvalidateAsync(notification.UserId);
        }
    }

    /// <summary>
    /// Removes the users' cached lists after a committed change they must not show any more (a deleted message's
    /// text); the next read rebuilds them from the database. A failure is logged: the list then stops being served
    /// when its trust duration ends, and is replaced by the next rebuild.
    /// </summary>
    public async Task DropListsAsync(IReadOnlyList<Guid> userIds) => await Task.WhenAll(userIds.Select(TryDropAsync));

    /// <summary>True when the list is gone; false (logged) when Redis could not be reached.</summary>
    public async Task<bool> TryDropAsync(Guid userId)
    {
        try
        {
            await cache.DropAsync(userId);
            return true;
        }
        catch (Exception exception)
        {
            LogDropFailed(exception, userId);
            return false;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drop the cached notifications of user {UserId}; they are replaced by the next rebuild")]
    private partial void LogDropFailed(Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached notifications of user {UserId}; they expire on their own")]
    private partial void LogInvalidationFailed(Exception exception, Guid userId);
}
