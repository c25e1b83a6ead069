namespace Chat.Messaging.Domain;

/// <summary>
/// A message. Deleting keeps a tombstone (content cleared, <see cref="DeletedAt"/> set) so history and read pointers
/// stay consistent. <see cref="ReceiverId"/> and <see cref="ReadAt"/> are set for 1:1 conversations only.
/// <see cref="Seq"/> is the message's place in its conversation, <see cref="ChangeSeq"/> the place of its latest edit
/// or deletion in the conversation's change log; both are taken under the conversation's row lock at commit.
/// </summary>
public sealed class Message
{
    public Guid Id { get; init; }

    public Guid ConversationId { get; init; }

    public Guid SenderId { get; init; }

    /// <summary>1, 2, 3 … per conversation in commit order: the order of history, of events and of resume cursors.</summary>
    public long Seq { get; set; }

    /// <summary>Position of the latest edit or deletion in the conversation's change log; 0 while never changed.</summary>
    public long ChangeSeq { get; set; }

    public Guid? ReceiverId { get; init; }

    public string Content { get; set; } = "";

    /// <summary>The sender's idempotency key; unique per sender.</summary>
    public string? ClientMessageId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The thread this message replies in: always a root (a reply to a reply joins the root's thread).</summary>
    public Guid? ReplyToId { get; init; }

    /// <summary>Members named with @username, resolved when it was sent.</summary>
    public List<Guid> MentionedUserIds { get; init; } = [];

    /// <summary>A root's thread summary: replies, the latest one's time, the first few distinct repliers.</summary>
    public int ReplyCount { get; set; }

    public DateTimeOffset? LastReplyAt { get; set; }

    public List<Guid> ThreadRepliers { get; set; } = [];

    /// <summary>What <see cref="ChangeSeq"/> records: an edit, a deletion or a reaction (the replay's kind).</summary>
    public MessageChange LastChange { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
