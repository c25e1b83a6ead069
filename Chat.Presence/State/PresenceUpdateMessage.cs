using Chat.Contracts.Events;

namespace Chat.Presence.State;

/// <summary>What goes out on Redis channel <c>presence:updates</c>.</summary>
public sealed record PresenceUpdateMessage(Guid UserId, PresenceStatus Status, DateTimeOffset LastSeenAt);
