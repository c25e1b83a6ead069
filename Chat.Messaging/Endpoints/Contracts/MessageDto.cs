using Chat.Messaging.Domain;
using Chat.Messaging.Paging;

namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>A message as clients see it; a deleted one has empty content and <see cref="DeletedAt"/> set.</summary>
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
    string Cursor)
{
    public static MessageDto From(Message message) => new(
        message.Id, message.ConversationId, message.SenderId, message.ReceiverId, message.Content, message.ClientMessageId,
        message.CreatedAt, message.UpdatedAt, message.EditedAt, message.DeletedAt, message.ReadAt,
        new Cursor(message.CreatedAt, message.Id).Encode());
}
