namespace Chat.Contracts.Events;

/// <summary>
/// A message was stored. Topic <c>message.created</c>, key conversationId. Schema v2 added ClientMessageId, v4 the
/// message's <see cref="Seq"/> in its conversation (optional: events written before it have none).
/// </summary>
public sealed record MessageCreated(
    Guid MessageId,
    Guid ConversationId,
    Guid SenderId,
    IReadOnlyList<Guid> ParticipantIds,
    string Content,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    long? Seq = null) : IntegrationEvent;
