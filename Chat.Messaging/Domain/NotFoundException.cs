namespace Chat.Messaging.Domain;

/// <summary>
/// 404. Also what a non-member gets for a conversation or message that exists: the answer must not reveal that.
/// </summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException OfConversation() => new("Conversation not found.");

    public static NotFoundException OfMessage() => new("Message not found.");
}
