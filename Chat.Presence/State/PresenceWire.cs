using Chat.Contracts.Events;

namespace Chat.Presence.State;

/// <summary>Statuses as Redis stores them: the upper-case names clients see.</summary>
public static class PresenceWire
{
    public static string ToWire(PresenceStatus status) => status.ToString().ToUpperInvariant();

    public static PresenceStatus FromWire(string value) => Enum.Parse<PresenceStatus>(value, ignoreCase: true);
}
