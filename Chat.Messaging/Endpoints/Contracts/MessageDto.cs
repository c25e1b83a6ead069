using Chat.Messaging.Domain;

namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// A message as a member sees it; a deleted one has empty content and <see cref="DeletedAt"/> set. <see cref="Seq"/>
/// is its place in the conversation (history order), <see cref="ChangeSeq"/> the position of its latest edit,
/// deletion or reaction (0 while unchanged). <see cref="Cursor"/> is its history position, or its search position in
/// search results. <see cref="Reactions"/> and <see cref="Thread"/> are as the caller sees them (reactedByMe, unread).
/// </summary>
public sealed record MessageDto(
    Guid Id,
    Guid ConversationId,
    Guid SenderId,
    Guid? ReceiverId,
    string Content,
    string? ClientMessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? ReadAt,
    long Seq,
    long ChangeSeq,
    string Cursor,
    Guid? ReplyToId,
    IReadOnlyList<Guid> MentionedUserIds,
    IReadOnlyList<ReactionDto> Reactions,
    ThreadDto? Thread)
{
    public static MessageDto From(Message message, string cursor, IReadOnlyList<ReactionDto> reactions, int unreadReplies) => new(
        message.Id, message.ConversationId, message.SenderId, message.ReceiverId, message.Content, message.ClientMessageId,
        message.CreatedAt, message.UpdatedAt, message.EditedAt, message.DeletedAt, message.ReadAt, message.Seq, message.ChangeSeq,
        cursor, message.ReplyToId, message.MentionedUserIds, reactions,
        message.ReplyCount > 0 ? new ThreadDto(message.ReplyCount, message.LastReplyAt, message.ThreadRepliers, unreadReplies) : null);
}
