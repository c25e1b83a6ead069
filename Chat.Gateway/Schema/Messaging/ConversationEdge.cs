namespace Chat.Gateway.Schema.Messaging;

public sealed class ConversationEdge
{
    public required string Cursor { get; init; }

    public required Conversation Node { get; init; }
}
