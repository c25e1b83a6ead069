namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>The caller's read pointer in a conversation after a read mark, and what is still unread.</summary>
/// <param name="LastReadAt">When the member last marked a message read (null: nothing marked since joining).</param>
public sealed record ReadStateDto(Guid ConversationId, Guid LastReadMessageId, DateTimeOffset? LastReadAt, int UnreadCount);
