namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>The caller's read pointer in a conversation after a read mark, and what is still unread.</summary>
public sealed record ReadStateDto(Guid ConversationId, Guid LastReadMessageId, DateTimeOffset LastReadAt, int UnreadCount);
