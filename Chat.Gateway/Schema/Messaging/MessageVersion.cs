namespace Chat.Gateway.Schema.Messaging;

/// <summary>One text a message has had: version 1 is what was sent, the last the current text (replacedAt null).</summary>
public sealed class MessageVersion
{
    public int Version { get; init; }

    public required string Content { get; init; }

    public DateTimeOffset WrittenAt { get; init; }

    public DateTimeOffset? ReplacedAt { get; init; }
}
