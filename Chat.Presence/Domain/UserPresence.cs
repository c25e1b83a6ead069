using Chat.Contracts.Events;

namespace Chat.Presence.Domain;

/// <summary>What anyone may read about a user's presence.</summary>
public sealed record UserPresence(Guid UserId, PresenceStatus Status, DateTimeOffset? LastSeenAt);
