// One PageInfo type for the whole schema: Messaging's (byte-identical copy until its branch is merged).
using Chat.Gateway.Schema.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>A page of the caller's notifications, newest first, and how many of all of them are unread.</summary>
public sealed class NotificationConnection
{
    // The page comes from one downstream call whatever `first` is (the service caps it at 100), and a
    // notification's fields resolve nothing further; weighing each field of each node by `first` (the default)
    // would reject a full page of 100 as too complex for no cost at all.
    [Complexity(1, 1)]
    public required IReadOnlyList<Notification> Nodes { get; init; }

    public required PageInfo PageInfo { get; init; }

    public int UnreadCount { get; init; }
}
