using Chat.Contracts.Events;
using Chat.Presence.Domain;

namespace Chat.Presence.Endpoints.Contracts;

/// <summary>A user's presence on the wire; <c>lastSeenAt</c> is null for a user never seen.</summary>
public sealed record PresenceDto(Guid UserId, PresenceStatus Status, DateTimeOffset? LastSeenAt)
{
    public static PresenceDto From(UserPresence presence) => new(presence.UserId, presence.Status, presence.LastSeenAt);
}
