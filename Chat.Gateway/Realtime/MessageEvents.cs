using System.Globalization;
using Chat.Contracts.Events;
using Chat.Gateway.Schema.Subscriptions.Types;
using ReactionCount = Chat.Gateway.Schema.Subscriptions.Types.ReactionCount;

namespace Chat.Gateway.Realtime;

/// <summary>Messaging's events as the <see cref="MessageEvent"/> subscribers receive.</summary>
public static class MessageEvents
{
    public static MessageEvent From(MessageCreated e) => new()
    {
        Kind = MessageEventKind.Created, MessageId = e.MessageId, ConversationId = e.ConversationId, SenderId = e.SenderId,
        Content = e.Content, ClientMessageId = e.ClientMessageId, CreatedAt = e.CreatedAt, OccurredAt = e.OccurredAt,
        Seq = e.Seq, Cursor = CursorOf(e.Seq), ReplyToId = e.ReplyToId, MentionedUserIds = e.MentionedUserIds ?? [],
    };

    public static MessageEvent From(MessageReacted e) => new()
    {
        Kind = MessageEventKind.Reacted, MessageId = e.MessageId, ConversationId = e.ConversationId, ReactorId = e.UserId,
        Emoji = e.Emoji, Added = e.Added, Reactions = [.. e.Reactions.Select(r => new ReactionCount { Emoji = r.Emoji, Count = r.Count })],
        OccurredAt = e.OccurredAt, Seq = e.Seq, ChangeSeq = e.ChangeSeq, Cursor = CursorOf(e.ChangeSeq),
    };

    public static MessageEvent From(MessageUpdated e) => new()
    {
        Kind = e.Kind == MessageUpdateKind.Read ? MessageEventKind.Read : MessageEventKind.Edited,
        MessageId = e.MessageId, ConversationId = e.ConversationId, Content = e.Content, EditedAt = e.EditedAt,
        ReaderId = e.ReaderId, ReadAt = e.ReadAt, OccurredAt = e.OccurredAt,
        Seq = e.Seq, ChangeSeq = e.ChangeSeq, Cursor = CursorOf(e.ChangeSeq),
    };

    public static MessageEvent From(MessageDeleted e) => new()
    {
        Kind = MessageEventKind.Deleted, MessageId = e.MessageId, ConversationId = e.ConversationId, DeletedBy = e.DeletedBy,
        DeletedAt = e.DeletedAt, OccurredAt = e.OccurredAt,
        Seq = e.Seq, ChangeSeq = e.ChangeSeq, Cursor = CursorOf(e.ChangeSeq),
    };

    /// <summary>A replayed message, in its state now: a deleted one arrives as its tombstone (empty content, deletedAt).</summary>
    public static MessageEvent From(ReplayedMessage m) => new()
    {
        Kind = MessageEventKind.Created, MessageId = m.Id, ConversationId = m.ConversationId, SenderId = m.SenderId,
        Content = m.Content, ClientMessageId = m.ClientMessageId, CreatedAt = m.CreatedAt, EditedAt = m.EditedAt,
        DeletedAt = m.DeletedAt, OccurredAt = m.CreatedAt, Seq = m.Seq, Cursor = CursorOf(m.Seq),
        ReplyToId = m.ReplyToId, MentionedUserIds = m.MentionedUserIds ?? [],
    };

    /// <summary>A replayed change of a conversation the subscription is for.</summary>
    public static Func<ReplayedChange, MessageEvent> From(Guid conversationId) => c => new()
    {
        Kind = c.Kind switch
        {
            "Deleted" => MessageEventKind.Deleted,
            "Read" => MessageEventKind.Read,
            "Reacted" => MessageEventKind.Reacted,
            _ => MessageEventKind.Edited,
        },
        Reactions = c.Reactions,
        MessageId = c.MessageId, ConversationId = conversationId, Content = c.Content, EditedAt = c.EditedAt,
        DeletedBy = c.DeletedBy, DeletedAt = c.DeletedAt, ReaderId = c.ReaderId, ReadAt = c.ReadAt,
        OccurredAt = c.DeletedAt ?? c.ReadAt ?? c.EditedAt ?? default, Seq = c.Seq, ChangeSeq = c.ChangeSeq, Cursor = CursorOf(c.ChangeSeq),
    };

    /// <summary>
    /// An event's key and position for de-duplication: new messages by seq, changes (edits, read marks, deletions,
    /// reactions — the last two on Kafka topics of their own, so they may overtake the others) by change position,
    /// per conversation.
    /// </summary>
    public static (Guid Conversation, long Position)? PositionOf(MessageEvent e) =>
        (e.Kind == MessageEventKind.Created ? e.Seq : e.ChangeSeq) is { } position ? (e.ConversationId, position) : null;

    /// <summary>The position as the client passes it back; events written before positions existed have none.</summary>
    public static string? CursorOf(long? position) => position?.ToString(CultureInfo.InvariantCulture);
}
