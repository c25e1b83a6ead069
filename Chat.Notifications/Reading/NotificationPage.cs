using Chat.Notifications.Delivery;

namespace Chat.Notifications.Reading;

/// <summary>A page of a user's notifications, newest first, with the user's unread count.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int UnreadCount, bool HasNextPage, string? EndCursor);
