namespace Chat.Messaging.Domain;

/// <summary>
/// A text a message had before an edit: version 1 is what was sent, each edit keeps the text it replaced.
/// Deleting the message deletes its versions too, so a tombstone keeps nothing of what it said.
/// </summary>
public sealed class MessageVersion
{
    public Guid MessageId { get; init; }

    public int Version { get; init; }

    public string Content { get; init; } = "";

    /// <summary>When this text was written: the send, or the edit that wrote it.</summary>
    public DateTimeOffset WrittenAt { get; init; }

    /// <summary>When the next edit replaced it.</summary>
    public DateTimeOffset ReplacedAt { get; init; }
}
