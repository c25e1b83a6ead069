namespace Chat.Messaging.Endpoints.Contracts;

/// <summary><see cref="ClientMessageId"/> makes a retried send return the first one's message instead of a copy.</summary>
public sealed record SendMessageRequest(Guid? ConversationId, string? Content, string? ClientMessageId);
