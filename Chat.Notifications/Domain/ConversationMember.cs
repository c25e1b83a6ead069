namespace Chat.Notifications.Domain;

/// <summary>
/// This service's own projection of who is in which conversation, kept from <c>conversation.changed</c> events
/// (each carries the full participant list), so deciding who to notify never needs a call to Messaging.
/// </summary>
public sealed class ConversationMember
{
    public Guid ConversationId { get; init; }

    public Guid UserId { get; init; }
}
