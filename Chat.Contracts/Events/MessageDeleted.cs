namespace Chat.Contracts.Events;

/// <summary>A message was deleted. Topic <c>message.deleted</c>, key conversationId.</summary>
public sealed record MessageDeleted(
    Guid MessageId,
    Guid ConversationId,
    Guid DeletedBy,
    DateTimeOffset DeletedAt) : IntegrationEvent;
