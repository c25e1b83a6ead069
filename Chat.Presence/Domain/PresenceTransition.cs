using Chat.Contracts.Events;

namespace Chat.Presence.Domain;

/// <summary>A status change that Redis accepted; it still has to reach the history table and the outbox.</summary>
public sealed record PresenceTransition(
    Guid Id,
    Guid UserId,
    PresenceStatus Status,
    PresenceStatus? PreviousStatus,
    DateTimeOffset LastSeenAt,
    DateTimeOffset OccurredAt);
