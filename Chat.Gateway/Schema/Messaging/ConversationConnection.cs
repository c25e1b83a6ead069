using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Conversations, most recently active first, Relay-style.</summary>
public sealed class ConversationConnection
{
    public required IReadOnlyList<ConversationEdge> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    [Ignore]
    public static ConversationConnection From(Page<Conversation> page) => new()
    {
        Edges = [.. page.Items.Select(conversation => new ConversationEdge { Cursor = conversation.Cursor, Node = conversation })],
        PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.Items.Count > 0 ? page.Items[^1].Cursor : null },
    };
}
