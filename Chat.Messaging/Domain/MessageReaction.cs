namespace Chat.Messaging.Domain;

/// <summary>One member's reaction with one emoji on one message; reacting twice with the same emoji is one row.</summary>
public sealed class MessageReaction
{
    public Guid MessageId { get; init; }

    public string Emoji { get; init; } = "";

    public Guid UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
