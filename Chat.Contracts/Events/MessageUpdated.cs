namespace Chat.Contracts.Events;

/// <summary>
/// A message was edited (Content, EditedAt set) or read (ReaderId, ReadAt set). Topic <c>message.updated</c>, key
/// conversationId, so edits and receipts of one conversation stay in order. Schema v3 adds the message's
/// <see cref="Seq"/> and the change's <see cref="ChangeSeq"/>, its position in the conversation's change log.
/// </summary>
public sealed record MessageUpdated(
    Guid MessageId,
    Guid ConversationId,
    MessageUpdateKind Kind,
    string? Content,
    DateTimeOffset? EditedAt,
    Guid? ReaderId,
    DateTimeOffset? ReadAt,
    long? Seq = null,
    long? ChangeSeq = null) : IntegrationEvent;
