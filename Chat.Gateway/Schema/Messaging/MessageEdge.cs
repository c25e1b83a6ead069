namespace Chat.Gateway.Schema.Messaging;

public sealed class MessageEdge
{
    public required string Cursor { get; init; }

    public required Message Node { get; init; }
}
