using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>
/// A message event relayed from Messaging's Kafka topics. Which fields are set depends on <see cref="Kind"/>:
/// content for CREATED and EDITED, reader for READ (so a sender sees "read"), deleter for DELETED, reactor, emoji and
/// counts for REACTED. Every event has
/// the message's <see cref="Seq"/>; a change also its <see cref="ChangeSeq"/>; <see cref="Cursor"/> is what to pass as
/// <c>after</c> to resume the subscription that delivered it.
/// </summary>
public sealed class MessageEvent
{
    public MessageEventKind Kind { get; init; }

    [Id]
    public Guid MessageId { get; init; }

    [Id]
    public Guid ConversationId { get; init; }

    [Id]
    public Guid? SenderId { get; init; }

    [GraphQLMetadata(Description = "The message's place in its conversation (history order).")]
    public long? Seq { get; init; }

    [GraphQLMetadata(Description = "The change's position in the conversation's change log (EDITED, READ, DELETED).")]
    public long? ChangeSeq { get; init; }

    [GraphQLMetadata(Description = "Pass as `after` to resume this subscription after this event (messageAdded: seq, messageUpdated: changeSeq).")]
    public string? Cursor { get; init; }

    public string? Content { get; init; }

    public string? ClientMessageId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    [Id]
    public Guid? ReaderId { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    [Id]
    public Guid? DeletedBy { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    [Id]
    [GraphQLMetadata(Description = "CREATED: the thread's root when the message is a reply.")]
    public Guid? ReplyToId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "CREATED: the members the message mentions.")]
    public IReadOnlyList<Guid>? MentionedUserIds { get; init; }

    [Id]
    [GraphQLMetadata(Description = "REACTED (live): who added or removed a reaction.")]
    public Guid? ReactorId { get; init; }

    [GraphQLMetadata(Description = "REACTED (live): the emoji added or removed.")]
    public string? Emoji { get; init; }

    [GraphQLMetadata(Description = "REACTED (live): true when added, false when removed.")]
    public bool? Added { get; init; }

    [GraphQLMetadata(Description = "REACTED and EDITED: the message's reaction counts now (a replayed REACTED has only these).")]
    public IReadOnlyList<ReactionCount>? Reactions { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
