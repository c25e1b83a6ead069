namespace Chat.Contracts.Events;

/// <summary>
/// A message was deleted. Topic <c>message.deleted</c>, key conversationId. Schema v3 adds the message's
/// <see cref="Seq"/> and the deletion's <see cref="ChangeSeq"/> in the conversation's change log.
/// </summary>
public sealed record MessageDeleted(
    Guid MessageId,
    Guid ConversationId,
    Guid DeletedBy,
    DateTimeOffset DeletedAt,
    long? Seq = null,
    long? ChangeSeq = null) : IntegrationEvent;
