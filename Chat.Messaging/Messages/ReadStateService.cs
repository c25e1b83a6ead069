using Chat.Contracts.Events;
using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// Read marks. Each member has a read pointer that only moves forward; in a 1:1 conversation every message up to the
/// pointer also gets its <c>read_at</c> (the original schema's receipt) when its receiver reads it — the earlier
/// ones with the later, so marking an older message again changes nothing and announces nothing. A mark that
/// changes something takes a position in the conversation's change log, stored on the member
/// (<see cref="ConversationMember.ReadChangeSeq"/>) for replay, and publishes one READ event.
/// </summary>
public sealed class ReadStateService(
    ChatDbContext db, MessageService messages, ConversationViews views, MessageViews messageViews, TimeProvider time)
{
    private const int MaxAttempts = 3;

    public async Task<ReadStateDto> MarkReadAsync(Guid caller, Guid messageId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(ct => TryMarkReadAsync(caller, messageId, ct), cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another read mark by the same user moved the pointer meanwhile: start again from its value.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ReadStateDto> TryMarkReadAsync(Guid caller, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await messages.LoadVisibleAsync(caller, messageId, cancellationToken);
        var member = await db.Members.FirstAsync(m => m.ConversationId == message.ConversationId && m.UserId == caller, cancellationToken);
        var now = MessagingRules.Now(time);

        var pointerMoves = message.CreatedAt > member.LastReadAt ||
            (message.CreatedAt == member.LastReadAt && ComparesAsPostgres(message.Id, member.LastReadMessageId));
        if (pointerMoves)
        {
            member.LastReadAt = message.CreatedAt;
            member.LastReadMessageId = message.Id;
        }

        var receiptSet = message.ReceiverId == caller && message.ReadAt is null;
        if (receiptSet)
        {
            message.ReadAt = now;
            // The receipts of what the receiver read before it, in the same transaction.
            await db.Messages
                .Where(m => m.ConversationId == message.ConversationId && m.ReceiverId == caller && m.ReadAt == null && m.Seq < message.Seq)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), cancellationToken);
        }

        if (pointerMoves || receiptSet)
        {
            // The read mark is a change of the conversation too: it gets a position, so messageUpdated resumes past it.
            member.ReadChangeSeq = await ConversationLog.NextChangeAsync(db, message.ConversationId, cancellationToken);
            member.ReadMarkedAt = now;
            db.AddIntegrationEvent(new MessageUpdated(
                message.Id, message.ConversationId, MessageUpdateKind.Read, null, null, caller, now, message.Seq, member.ReadChangeSeq));
            await db.SaveChangesAsync(cancellationToken);
        }

        var unread = await views.UnreadCountsAsync([message.ConversationId], caller, cancellationToken);
        return new ReadStateDto(message.ConversationId, member.LastReadMessageId, member.ReadMarkedAt, unread.GetValueOrDefault(message.ConversationId));
    }

    /// <summary>
    /// Marks every reply of the thread (<paramref name="messageId"/>: its root or any reply) read for the caller; the
    /// position only moves forward. Returns the root with its thread as the caller now sees it.
    /// </summary>
    public async Task<MessageDto> MarkThreadReadAsync(Guid caller, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await messages.LoadVisibleAsync(caller, messageId, cancellationToken);
        var rootId = message.ReplyToId ?? message.Id;
        var latest = await db.Messages.Where(m => m.ReplyToId == rootId).MaxAsync(m => (long?)m.Seq, cancellationToken) ?? 0;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO thread_reads (root_id, user_id, last_read_seq) VALUES ({rootId}, {caller}, {latest})
            ON CONFLICT (root_id, user_id) DO UPDATE SET last_read_seq = GREATEST(thread_reads.last_read_seq, EXCLUDED.last_read_seq)
            """, cancellationToken);
        var root = message.Id == rootId ? message : await db.Messages.AsNoTracking().FirstAsync(m => m.Id == rootId, cancellationToken);
        return await messageViews.OneAsync(root, caller, cancellationToken);
    }

    /// <summary>
    /// .NET orders Guids by their mixed-endian fields, Postgres by bytes in big-endian order; the pointer comparison
    /// must agree with the database's, which the unread count uses.
    /// </summary>
    private static bool ComparesAsPostgres(Guid candidate, Guid current) =>
        candidate.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(current.ToByteArray(bigEndian: true)) > 0;
}
