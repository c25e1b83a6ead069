using Chat.Notifications.Delivery;

namespace Chat.Notifications.Reading;

/// <summary>
/// A batch of a user's notifications after a position, oldest first: <see cref="Position"/> (the last item's seq, or
/// the request's <c>after</c>) continues it; <see cref="Latest"/> is the user's newest seq when it was read.
/// </summary>
public sealed record NotificationLogPage(IReadOnlyList<NotificationView> Items, long Position, bool HasMore, long Latest);
