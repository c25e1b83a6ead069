namespace Chat.Notifications.Delivery;

/// <summary>The head of a user's notifications as the warm Redis list holds it.</summary>
public sealed record CachedFirstPage(IReadOnlyList<NotificationView> Items, int UnreadCount, int TotalCount);
