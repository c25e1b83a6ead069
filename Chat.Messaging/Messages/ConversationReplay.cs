using System.Data;
using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// What a reconnecting client missed, after the position it last saw: new messages by seq, or the change log
/// (edits, deletions, read marks) by change position; oldest first, in bounded batches. Positions are handed out
/// under the conversation's row lock in commit order (<see cref="ConversationLog"/>), so whatever one snapshot shows
/// is a prefix of the log: a batch ending at position P has everything up to P, and nothing after P is lost by
/// continuing from P.
/// </summary>
public sealed class ConversationReplay(ChatDbContext db, MessageViews views)
{
    public async Task<LogPageDto<MessageDto>> MessagesAfterAsync(
        Guid caller, Guid conversationId, long? after, int? limit, CancellationToken cancellationToken)
    {
        var (start, size) = (MessagingRules.ReplayPosition(after), MessagingRules.ReplayPageSize(limit));
        var (latest, _) = await LatestAsync(caller, conversationId, cancellationToken);
        var page = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > start)
            .OrderBy(m => m.Seq).Take(size + 1).ToListAsync(cancellationToken);
        var items = await views.ManyAsync([.. page.Take(size)], caller, cancellationToken);
        return new LogPageDto<MessageDto>(items, items.Count > 0 ? items[^1].Seq : start, page.Count > size, latest);
    }

    public async Task<LogPageDto<MessageChangeDto>> ChangesAfterAsync(
        Guid caller, Guid conversationId, long? after, int? limit, CancellationToken cancellationToken)
    {
        var (start, size) = (MessagingRules.ReplayPosition(after), MessagingRules.ReplayPageSize(limit));
        // Messages and members are two queries: one snapshot for both, or a read mark could be seen without the
        // edit just before it in the log.
        var (latest, changed, reads) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, attempt);
            var (_, latestChange) = await LatestAsync(caller, conversationId, attempt);
            var changed = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.ChangeSeq > start)
                .OrderBy(m => m.ChangeSeq).Take(size + 1)
                .Select(m => new MessageChangeDto(
                    m.DeletedAt != null ? MessageChangeKind.Deleted
                        : m.LastChange == MessageChange.Reacted ? MessageChangeKind.Reacted : MessageChangeKind.Edited,
                    m.ChangeSeq, m.Id, m.Seq,
                    m.DeletedAt != null ? null : m.Content, m.EditedAt, m.DeletedAt != null ? (Guid?)m.SenderId : null, m.DeletedAt,
                    null, null))
                .ToListAsync(attempt);
            var reads = await (
                    from member in db.Members.AsNoTracking()
                    where member.ConversationId == conversationId && member.ReadChangeSeq > start
                    join message in db.Messages on member.LastReadMessageId equals message.Id
                    orderby member.ReadChangeSeq
                    select new MessageChangeDto(
                        MessageChangeKind.Read, member.ReadChangeSeq, message.Id, message.Seq, null, null, null, null,
                        member.UserId, member.ReadMarkedAt))
                .Take(size + 1).ToListAsync(attempt);
            await snapshot.CommitAsync(attempt);
            return (latestChange, changed, reads);
        }, cancellationToken);

        var merged = changed.Concat(reads).OrderBy(c => c.ChangeSeq).ToList();
        var items = merged.Take(size).ToList();
        var reactions = await views.ReactionsAsync(
            [.. items.Where(c => c.Kind is MessageChangeKind.Edited or MessageChangeKind.Reacted).Select(c => c.MessageId)], caller, cancellationToken);
        items = [.. items.Select(c => c.Kind is MessageChangeKind.Edited or MessageChangeKind.Reacted ? c with { Reactions = [.. reactions[c.MessageId]] } : c)];
        return new LogPageDto<MessageChangeDto>(items, items.Count > 0 ? items[^1].ChangeSeq : start, merged.Count > size, latest);
    }

    /// <summary>The conversation's newest message and change positions; 404 unless the caller is a member.</summary>
    private async Task<(long MessageSeq, long ChangeSeq)> LatestAsync(Guid caller, Guid conversationId, CancellationToken cancellationToken)
    {
        var latest = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId && db.ConversationIdsOf(caller).Contains(c.Id))
            .Select(c => new { c.MessageSeq, c.ChangeSeq })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? throw NotFoundException.OfConversation() : (latest.MessageSeq, latest.ChangeSeq);
    }
}
