using Chat.Gateway.Services.Messaging;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Messages newest first, Relay-style.</summary>
public sealed class MessageConnection
{
    public required IReadOnlyList<MessageEdge> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    public static MessageConnection From(Page<Message> page) => new()
    {
        Edges = [.. page.Items.Select(message => new MessageEdge { Cursor = message.Cursor, Node = message })],
        PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.Items.Count > 0 ? page.Items[^1].Cursor : null },
    };
}
