using Chat.Contracts.Events;
using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Paging;
using Chat.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// Sending, editing and deleting messages; each change and its event in one transaction that first takes the
/// change's position in the conversation (<see cref="ConversationLog"/>), so positions, history and events agree.
/// </summary>
public sealed class MessageService(ChatDbContext db, MessageViews views, TimeProvider time)
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
        var mentions = MessagingRules.ValidMentions(request.MentionedUserIds);
        var replyToId = request.ReplyToId is { } parent && parent != Guid.Empty ? parent : (Guid?)null;
        if (clientMessageId is not null && await FindSentAsync(caller, clientMessageId, conversationId, cancellationToken) is { } sent)
        {
            return (await views.OneAsync(sent, caller, cancellationToken), false);
        }

        try
        {
            var stored = await db.InTransactionAsync(
                ct => StoreAsync(caller, conversationId, new NewMessage(content, clientMessageId, replyToId, mentions), ct), cancellationToken);
            // A new message has no reactions and no thread yet: nothing to look up on the hot path.
            return (MessageDto.From(stored, new SeqCursor(stored.Seq).Encode(), [], 0), true);
        }
        catch (DbUpdateException exception) when (clientMessageId is not null && UniqueViolation.Of(exception, ChatDbContext.UniqueClientMessageIdIndex))
        {
            db.ChangeTracker.Clear();
            var winner = await FindSentAsync(caller, clientMessageId, conversationId, cancellationToken)
                ?? throw new InvalidOperationException("Lost a race to a row that is gone.", exception);
            return (await views.OneAsync(winner, caller, cancellationToken), false);
        }
    }

    private sealed record NewMessage(string Content, string? ClientMessageId, Guid? ReplyToId, IReadOnlyList<Guid> Mentions);

    /// <summary>
    /// Takes the message's seq (and created_at) under the conversation's row lock, then writes it, its thread's
    /// summary and its event. The lock also serializes replies, so a thread's counters are updated one send at a time.
    /// </summary>
    private async Task<Message> StoreAsync(Guid caller, Guid conversationId, NewMessage request, CancellationToken cancellationToken)
    {
        var conversation = await db.LoadForMemberAsync(conversationId, caller, cancellationToken);
        if (request.Mentions.FirstOrDefault(id => conversation.Members.All(m => m.UserId != id)) is var stranger && stranger != Guid.Empty)
        {
            throw new InvalidInputException("mentionedUserIds", $"User {stranger} is not a member of this conversation and cannot be mentioned.");
        }

        var (seq, createdAt) = await ConversationLog.NextMessageAsync(db, conversationId, MessagingRules.Now(time), cancellationToken);
        var thread = request.ReplyToId is { } replyToId ? await JoinThreadAsync(replyToId, conversation, caller, createdAt, cancellationToken) : null;
        var message = new Message
        {
            Id = Guid.CreateVersion7(), ConversationId = conversationId, SenderId = caller, Seq = seq,
            ReceiverId = conversation.IsGroup ? null : conversation.Members.FirstOrDefault(m => m.UserId != caller)?.UserId,
            Content = request.Content, ClientMessageId = request.ClientMessageId, CreatedAt = createdAt, UpdatedAt = createdAt,
            ReplyToId = thread?.Root.Id, MentionedUserIds = [.. request.Mentions],
        };
        db.Messages.Add(message);
        var muted = conversation.Members.Where(m => m.UserId != caller && m.IsMutedAt(createdAt)).Select(m => m.UserId).ToList();
        db.AddIntegrationEvent(new MessageCreated(
            message.Id, conversationId, caller, conversation.ParticipantIds(), request.Content, request.ClientMessageId, createdAt, seq,
            message.ReplyToId, NullIfEmpty(request.Mentions), NullIfEmpty(muted), thread?.Participants));
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private sealed record JoinedThread(Message Root, IReadOnlyList<Guid> Participants);

    /// <summary>
    /// The thread a reply joins — the parent's own thread when the parent is a reply — with its summary moved on,
    /// and who takes part in it (the root's author and earlier repliers still in the conversation, not the replier).
    /// </summary>
    private async Task<JoinedThread> JoinThreadAsync(Guid parentId, Conversation conversation, Guid caller, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parent = await db.Messages.FirstOrDefaultAsync(m => m.Id == parentId && m.ConversationId == conversation.Id, cancellationToken)
            ?? throw new InvalidInputException("replyToId", "replyToId must be a message of this conversation.");
        var root = parent.ReplyToId is { } rootId ? await db.Messages.FirstAsync(m => m.Id == rootId, cancellationToken) : parent;
        if (parent.IsDeleted || root.IsDeleted)
        {
            throw new InvalidInputException("replyToId", "A deleted message cannot be replied to.");
        }

        var repliers = await db.Messages.Where(m => m.ReplyToId == root.Id).Select(m => m.SenderId).Distinct().ToListAsync(cancellationToken);
        var participants = repliers.Prepend(root.SenderId).Distinct()
            .Where(id => id != caller && conversation.Members.Any(m => m.UserId == id)).ToList();

        root.ReplyCount++;
        root.LastReplyAt = at;
        if (!root.ThreadRepliers.Contains(caller) && root.ThreadRepliers.Count < MessagingRules.ThreadRepliersShown)
        {
            root.ThreadRepliers = [.. root.ThreadRepliers, caller];
        }
        return new JoinedThread(root, participants);
    }

    private static IReadOnlyList<Guid>? NullIfEmpty(IReadOnlyList<Guid> ids) => ids.Count > 0 ? ids : null;

    /// <summary>Only the author edits; a deleted message stays deleted.</summary>
    public async Task<MessageDto> EditAsync(Guid caller, Guid messageId, string? newContent, CancellationToken cancellationToken)
    {
        var content = MessagingRules.ValidContent(newContent);
        var edited = await db.InTransactionAsync(async ct =>
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
            db.Versions.Add(new MessageVersion
            {
                MessageId = message.Id,
                Version = await db.Versions.CountAsync(v => v.MessageId == message.Id, ct) + 1,
                Content = message.Content,
                WrittenAt = message.EditedAt ?? message.CreatedAt,
                ReplacedAt = now,
            });
            message.ChangeSeq = position;
            message.LastChange = MessageChange.Edited;
            message.Content = content;
            message.EditedAt = now;
            message.UpdatedAt = now;
            db.AddIntegrationEvent(new MessageUpdated(
                message.Id, message.ConversationId, MessageUpdateKind.Edited, content, now, null, null, message.Seq, message.ChangeSeq));
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken);
        return await views.OneAsync(edited, caller, cancellationToken);
    }

    /// <summary>
    /// Keeps a tombstone: content cleared, deletedAt set, and nothing of what it said — its earlier versions and its
    /// reactions go with the text. Deleting again changes nothing.
    /// </summary>
    public async Task<MessageDto> DeleteAsync(Guid caller, Guid messageId, CancellationToken cancellationToken)
    {
        var deleted = await db.InTransactionAsync(async ct =>
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
            await db.Versions.Where(v => v.MessageId == message.Id).ExecuteDeleteAsync(ct);
            await db.Reactions.Where(r => r.MessageId == message.Id).ExecuteDeleteAsync(ct);
            message.ChangeSeq = position;
            message.LastChange = MessageChange.Deleted;
            message.Content = "";
            message.DeletedAt = now;
            message.UpdatedAt = now;
            db.AddIntegrationEvent(new MessageDeleted(message.Id, message.ConversationId, caller, now, message.Seq, message.ChangeSeq));
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken);
        return await views.OneAsync(deleted, caller, cancellationToken);
    }

    /// <summary>A message of a conversation the caller is a member of, tracked; 404 otherwise.</summary>
    public async Task<Message> LoadVisibleAsync(Guid caller, Guid messageId, CancellationToken cancellationToken) =>
        await db.Messages.FirstOrDefaultAsync(
            m => m.Id == messageId && db.ConversationIdsOf(caller).Contains(m.ConversationId), cancellationToken)
        ?? throw NotFoundException.OfMessage();

    /// <summary>
    /// Takes the next change position of the message's conversation and re-reads the message under that lock, so a
    /// change that committed meanwhile (a deletion racing an edit) is seen before this one is written over it.
    /// </summary>
    public async Task<long> ChangePositionAsync(Message message, CancellationToken cancellationToken)
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
