using Chat.Contracts.Events;
using Chat.Gateway.Schema.Subscriptions.Types;

namespace Chat.Gateway.Realtime;

/// <summary>Messaging's events as the <see cref="MessageEvent"/> subscribers receive.</summary>
public static class MessageEvents
{
    public static MessageEvent From(MessageCreated e) => new()
    {
        Kind = MessageEventKind.Created, MessageId = e.MessageId, ConversationId = e.ConversationId, SenderId = e.SenderId,
        Content = e.Content, ClientMessageId = e.ClientMessageId, CreatedAt = e.CreatedAt, OccurredAt = e.OccurredAt,
    };

    public static MessageEvent From(MessageUpdated e) => new()
    {
        Kind = e.Kind == MessageUpdateKind.Read ? MessageEventKind.Read : MessageEventKind.Edited,
        MessageId = e.MessageId, ConversationId = e.ConversationId, Content = e.Content, EditedAt = e.EditedAt,
        ReaderId = e.ReaderId, ReadAt = e.ReadAt, OccurredAt = e.OccurredAt,
    };

    public static MessageEvent From(MessageDeleted e) => new()
    {
        Kind = MessageEventKind.Deleted, MessageId = e.MessageId, ConversationId = e.ConversationId, DeletedBy = e.DeletedBy,
        DeletedAt = e.DeletedAt, OccurredAt = e.OccurredAt,
    };
}
