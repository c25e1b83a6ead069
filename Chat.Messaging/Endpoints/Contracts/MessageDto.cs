using Chat.Messaging.Domain;
using Chat.Messaging.Paging;

namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// A message as clients see it; a deleted one has empty content and <see cref="DeletedAt"/> set. <see cref="Seq"/>
/// is its place in the conversation (history order), <see cref="ChangeSeq"/> the position of its latest edit or
/// deletion (0 while unchanged). <see cref="Cursor"/> is its history position, or its search position in search results.
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
    string Cursor)
{
    public static MessageDto From(Message message) => From(message, new SeqCursor(message.Seq).Encode());

    public static MessageDto From(Message message, string cursor) => new(
        message.Id, message.ConversationId, message.SenderId, message.ReceiverId, message.Content, message.ClientMessageId,
        message.CreatedAt, message.UpdatedAt, message.EditedAt, message.DeletedAt, message.ReadAt, message.Seq, message.ChangeSeq,
        cursor);
}
