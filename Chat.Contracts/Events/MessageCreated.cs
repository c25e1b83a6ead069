namespace Chat.Contracts.Events;

/// <summary>
/// A message was stored. Topic <c>message.created</c>, key conversationId. Schema v2 added ClientMessageId, v4 the
/// message's <see cref="Seq"/> in its conversation (optional: events written before it have none), v5 what a
/// consumer needs to notify the right people: the thread it replies in, who it mentions, who had the conversation
/// muted and who takes part in its thread, all as of the send.
/// </summary>
public sealed record MessageCreated(
    Guid MessageId,
    Guid ConversationId,
    Guid SenderId,
    IReadOnlyList<Guid> ParticipantIds,
    string Content,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    long? Seq = null,
    Guid? ReplyToId = null,
    IReadOnlyList<Guid>? MentionedUserIds = null,
    IReadOnlyList<Guid>? MutedUserIds = null,
    IReadOnlyList<Guid>? ThreadParticipantIds = null) : IntegrationEvent;
