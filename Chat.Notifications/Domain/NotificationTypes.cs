namespace Chat.Notifications.Domain;

/// <summary>The values of <see cref="Notification.Type"/>, upper-case on the wire like presence statuses.</summary>
public static class NotificationTypes
{
    public const string NewMessage = "NEW_MESSAGE";
    public const string UserOnline = "USER_ONLINE";
}
