using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>Someone started or stopped typing in a conversation. Ephemeral: relayed over Redis, never stored.</summary>
public sealed class TypingEvent
{
    [Id]
    public Guid ConversationId { get; init; }

    [Id]
    public Guid UserId { get; init; }

    public bool IsTyping { get; init; }

    public DateTimeOffset At { get; init; }
}
