using Chat.Gateway.Schema.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>
/// A page of the caller's notifications, newest first, and how many of all of them are unread; <c>edges</c> in the
/// Relay shape of the other connections (each edge's cursor pages on after it), <c>nodes</c> as a shortcut.
/// </summary>
public sealed class NotificationConnection
{
    // The page comes from one downstream call whatever `first` is (the service caps it at 100), and a
    // notification's fields resolve nothing further; weighing each field of each node by `first` (the default)
    // would reject a full page of 100 as too complex for no cost at all.
    [Complexity(1, 1)]
    public required IReadOnlyList<Notification> Nodes { get; init; }

    [Complexity(1, 1)]
    public required IReadOnlyList<NotificationEdge> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    public int UnreadCount { get; init; }
}

/// <summary>
/// A notification and its place in this connection: <see cref="Cursor"/> goes to <c>notifications(after:)</c>;
/// the node's own <c>cursor</c> goes to <c>notificationAdded(after:)</c>.
/// </summary>
public sealed class NotificationEdge
{
    public required string Cursor { get; init; }

    public required Notification Node { get; init; }
}
