using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>A presence change as Presence publishes it on <c>presence:updates</c>; status is ONLINE, AWAY, BUSY or OFFLINE.</summary>
public sealed class PresenceEvent
{
    [Id]
    public Guid UserId { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }
}
