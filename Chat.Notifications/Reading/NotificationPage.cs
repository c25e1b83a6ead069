using Chat.Notifications.Delivery;

namespace Chat.Notifications.Reading;

/// <summary>A page of a user's notifications, newest first, with the user's unread count.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int UnreadCount, bool HasNextPage, string? EndCursor)
{
    /// <summary>Each item's own page position (<c>after</c> = it continues just after that item), in item order.</summary>
    public IReadOnlyList<string> ItemCursors { get; } = [.. Items.Select(item => NotificationCursor.Of(item).Encode())];
}
