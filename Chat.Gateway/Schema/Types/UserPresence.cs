using Chat.Contracts.Events;
using GraphQL;

namespace Chat.Gateway.Schema.Types;

/// <summary>A user's presence; <c>lastSeenAt</c> is null for a user who was never present.</summary>
[Name("Presence")]
public sealed class UserPresence
{
    [Id]
    public Guid UserId { get; init; }

    public PresenceStatus Status { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }
}
