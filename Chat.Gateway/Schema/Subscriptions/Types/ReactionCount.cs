namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>How many members reacted to a message with one emoji (the same for every subscriber, so no reactedByMe).</summary>
public sealed class ReactionCount
{
    public required string Emoji { get; init; }

    public int Count { get; init; }
}
