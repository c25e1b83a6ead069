using Chat.Contracts.Events;

namespace Chat.Presence.Domain;

/// <summary>One status change of one user, as recorded in <c>presence_history</c>.</summary>
public sealed class PresenceHistoryEntry
{
    /// <summary>The transition's id, also the event id: writing the same transition twice collides here.</summary>
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public PresenceStatus Status { get; init; }

    /// <summary>The user's last activity when the change happened (a sweep keeps the last heartbeat's time).</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
