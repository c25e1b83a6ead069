namespace Chat.Notifications.Domain;

/// <summary>A user's notification counter: the seq of their newest notification. Written only by <c>NotificationLog</c>.</summary>
public sealed class NotificationSequence
{
    public Guid UserId { get; init; }

    public long LastSeq { get; init; }
}
