namespace Chat.Gateway.Schema.Messaging;

/// <summary>One emoji's reactions on a message.</summary>
public sealed class Reaction
{
    public required string Emoji { get; init; }

    public int Count { get; init; }

    public bool ReactedByMe { get; init; }
}
