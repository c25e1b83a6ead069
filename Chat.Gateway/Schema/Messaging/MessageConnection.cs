using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Messages newest first, Relay-style.</summary>
public sealed class MessageConnection
{
    public required IReadOnlyList<MessageEdge> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    [Ignore]
    public static MessageConnection From(Page<Message> page) => new()
    {
        Edges = [.. page.Items.Select(message => new MessageEdge { Cursor = message.Cursor, Node = message })],
        PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.Items.Count > 0 ? page.Items[^1].Cursor : null },
    };
}
