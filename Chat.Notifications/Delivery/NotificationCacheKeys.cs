namespace Chat.Notifications.Delivery;

/// <summary>
/// Redis names for one user: the list of newest notifications, its bookkeeping hash (version, unread, total), the
/// "warm" marker, and the pub/sub channel (channels and keys are separate namespaces, so the list and the channel
/// share the name <c>notifications:{userId}</c>).
/// </summary>
public static class NotificationCacheKeys
{
    public static string List(Guid userId) => $"notifications:{userId}";

    public static string Meta(Guid userId) => $"notifications:{userId}:meta";

    public static string Warm(Guid userId) => $"notifications:{userId}:warm";

    public static string Channel(Guid userId) => $"notifications:{userId}";
}
