using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Who reacted with an emoji, in the order they did, Relay-style.</summary>
public sealed class ReactorConnection
{
    public required IReadOnlyList<ReactorEdge> Edges { get; init; }

    public required PageInfo PageInfo { get; init; }

    [Ignore]
    public static ReactorConnection From(Page<Reactor> page) => new()
    {
        Edges = [.. page.Items.Select(reactor => new ReactorEdge { Cursor = reactor.Cursor, Node = reactor })],
        PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.Items.Count > 0 ? page.Items[^1].Cursor : null },
    };
}

public sealed class ReactorEdge
{
    public required string Cursor { get; init; }

    public required Reactor Node { get; init; }
}
