namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// <see cref="ClientMessageId"/> makes a retried send return the first one's message instead of a copy.
/// <see cref="ReplyToId"/> sends it as a reply in that message's thread; <see cref="MentionedUserIds"/> are members the
/// text mentions (the gateway resolves <c>@username</c> to them).
/// </summary>
public sealed record SendMessageRequest(
    Guid? ConversationId, string? Content, string? ClientMessageId, Guid? ReplyToId = null, IReadOnlyList<Guid>? MentionedUserIds = null);
