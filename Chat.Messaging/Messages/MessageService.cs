using Chat.Contracts.Events;
using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// Sending, editing and deleting messages; each change and its event in one transaction that first takes the
/// change's position in the conversation (<see cref="ConversationLog"/>), so positions, history and events agree.
/// </summary>
public sealed class MessageService(ChatDbContext db, TimeProvider time)
{
    /// <summary>
    /// Stores the message, or — when the sender already sent one with this clientMessageId — returns that one
    /// (Created false). The unique index decides races between two retries, so there is never a second row or event.
    /// </summary>
    public async Task<(MessageDto Message, bool Created)> SendAsync(Guid caller, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId is { } id && id != Guid.Empty
            ? id
            : throw new InvalidInputException("conversationId", "conversationId is required.");
        var content = MessagingRules.ValidContent(request.Content);
        var clientMessageId = MessagingRules.ValidClientMessageId(request.ClientMessageId);
        if (clientMessageId is not null && await FindSentAsync(caller, clientMessageId, conversationId, cancellationToken) is { } sent)
        {
            return (MessageDto.From(sent), false);
        }

        try
        {
            return (MessageDto.From(await db.InTransactionAsync(ct => StoreAsync(caller, conversationId, content, clientMessageId, ct), cancellationToken)), true);
        }
        catch (DbUpdateException exception) when (clientMessageId is not null && UniqueViolation.Of(exception, ChatDbContext.UniqueClientMessageIdIndex))
        {
            db.ChangeTracker.Clear();
            var winner = await FindSentAsync(caller, clientMessageId, conversationId, cancellationToken)
                ?? throw new InvalidOperationException("Lost a race to a row that is gone.", exception);
            return (MessageDto.From(winner), false);
        }
    }

    /// <summary>Takes the message's seq (and created_at) under the conversation's row lock, then writes it and its event.</summary>
    private async Task<Message> StoreAsync(Guid caller, Guid conversationId, string content, string? clientMessageId, CancellationToken cancellationToken)
    {
        var conversation = await db.LoadForMemberAsync(conversationId, caller, cancellationToken);
        var (seq, createdAt) = await ConversationLog.NextMessageAsync(db, conversationId, MessagingRules.Now(time), cancellationToken);
        var message = new Message
        {
            Id = Guid.CreateVersion7(), ConversationId = conversationId, SenderId = caller, Seq = seq,
            ReceiverId = conversation.IsGroup ? null : conversation.Members.FirstOrDefault(m => m.UserId != caller)?.UserId,
            Content = content, ClientMessageId = clientMessageId, CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        db.Messages.Add(message);
        db.AddIntegrationEvent(new MessageCreated(
            message.Id, conversationId, caller, conversation.ParticipantIds(), content, clientMessageId, createdAt, seq));
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>Only the author edits; a deleted message stays deleted.</summary>
    public async Task<MessageDto> EditAsync(Guid caller, Guid messageId, string? newContent, CancellationToken cancellationToken)
    {
        var content = MessagingRules.ValidContent(newContent);
        return MessageDto.From(await db.InTransactionAsync(async ct =>
        {
            var message = await LoadOwnAsync(caller, messageId, "edit", ct);
            if (message.IsDeleted)
            {
                throw new ConflictException("A deleted message cannot be edited.");
            }

            if (message.Content == content)
            {
                return message;
            }

            var position = await ChangePositionAsync(message, ct);
            if (message.IsDeleted)
            {
                throw new ConflictException("A deleted message cannot be edited.");
            }

            var now = MessagingRules.Now(time);
            message.ChangeSeq = position;
            message.Content = content;
            message.EditedAt = now;
            message.UpdatedAt = now;
            db.AddIntegrationEvent(new MessageUpdated(
                message.Id, message.ConversationId, MessageUpdateKind.Edited, content, now, null, null, message.Seq, message.ChangeSeq));
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken));
    }

    /// <summary>Keeps a tombstone: content cleared, deletedAt set. Deleting again changes nothing.</summary>
    public async Task<MessageDto> DeleteAsync(Guid caller, Guid messageId, CancellationToken cancellationToken) =>
        MessageDto.From(await db.InTransactionAsync(async ct =>
        {
            var message = await LoadOwnAsync(caller, messageId, "delete", ct);
            if (message.IsDeleted)
            {
                return message;
            }

            var position = await ChangePositionAsync(message, ct);
            if (message.IsDeleted)
            {
                return message; // deleted by a concurrent request meanwhile
            }

            var now = MessagingRules.Now(time);
            message.ChangeSeq = position;
            message.Content = "";
            message.DeletedAt = now;
            message.UpdatedAt = now;
            db.AddIntegrationEvent(new MessageDeleted(message.Id, message.ConversationId, caller, now, message.Seq, message.ChangeSeq));
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken));

    /// <summary>A message of a conversation the caller is a member of, tracked; 404 otherwise.</summary>
    public async Task<Message> LoadVisibleAsync(Guid caller, Guid messageId, CancellationToken cancellationToken) =>
        await db.Messages.FirstOrDefaultAsync(
            m => m.Id == messageId && db.ConversationIdsOf(caller).Contains(m.ConversationId), cancellationToken)
        ?? throw NotFoundException.OfMessage();

    /// <summary>
    /// Takes the next change position of the message's conversation and re-reads the message under that lock, so a
    /// change that committed meanwhile (a deletion racing an edit) is seen before this one is written over it.
    /// </summary>
    private async Task<long> ChangePositionAsync(Message message, CancellationToken cancellationToken)
    {
        var position = await ConversationLog.NextChangeAsync(db, message.ConversationId, cancellationToken);
        await db.Entry(message).ReloadAsync(cancellationToken);
        return position;
    }

    private async Task<Message> LoadOwnAsync(Guid caller, Guid messageId, string action, CancellationToken cancellationToken)
    {
        var message = await LoadVisibleAsync(caller, messageId, cancellationToken);
        return message.SenderId == caller ? message : throw new ForbiddenException($"Only the author can {action} a message.");
    }

    /// <summary>The sender's earlier message with this key; a key reused for another conversation is a conflict.</summary>
    private async Task<Message?> FindSentAsync(Guid caller, string clientMessageId, Guid conversationId, CancellationToken cancellationToken)
    {
        var sent = await db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.SenderId == caller && m.ClientMessageId == clientMessageId, cancellationToken);
        return sent is null || sent.ConversationId == conversationId
            ? sent
            : throw new ConflictException("clientMessageId was already used for a message in another conversation.");
    }
}
