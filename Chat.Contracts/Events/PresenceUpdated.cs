namespace Chat.Contracts.Events;

/// <summary>A user's presence changed. Topic <c>presence.updated</c>, key userId.</summary>
public sealed record PresenceUpdated(
    Guid UserId,
    PresenceStatus Status,
    PresenceStatus? PreviousStatus,
    DateTimeOffset LastSeenAt) : IntegrationEvent;
