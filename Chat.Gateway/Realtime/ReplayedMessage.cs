namespace Chat.Gateway.Realtime;

/// <summary>A message as Messaging's replay returns it (<c>GET /conversations/{id}/messages?after=</c>), the fields a replayed event needs.</summary>
public sealed record ReplayedMessage(
    Guid Id,
    Guid ConversationId,
    Guid SenderId,
    string Content,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    long Seq,
    Guid? ReplyToId = null,
    IReadOnlyList<Guid>? MentionedUserIds = null);
