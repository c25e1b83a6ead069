namespace Chat.Contracts.Events;

/// <summary>
/// A message was edited (Content, EditedAt set) or read (ReaderId, ReadAt set). Topic <c>message.updated</c>, key
/// conversationId, so edits and receipts of one conversation stay in order.
/// </summary>
public sealed record MessageUpdated(
    Guid MessageId,
    Guid ConversationId,
    MessageUpdateKind Kind,
    string? Content,
    DateTimeOffset? EditedAt,
    Guid? ReaderId,
    DateTimeOffset? ReadAt) : IntegrationEvent;
