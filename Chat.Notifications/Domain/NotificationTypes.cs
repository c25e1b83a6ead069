namespace Chat.Notifications.Domain;

/// <summary>The kinds of notification; a message makes at most one per recipient, the most specific that applies.</summary>
public static class NotificationTypes
{
    public const string NewMessage = "NEW_MESSAGE";
    public const string Mention = "MENTION";
    public const string Reply = "REPLY";
    public const string UserOnline = "USER_ONLINE";
}
