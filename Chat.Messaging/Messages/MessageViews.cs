using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// Turns messages into what one member sees: reaction counts with "reacted by me", and each thread's replies the
/// member has not read. Two queries for a whole page, whatever its size.
/// </summary>
public sealed class MessageViews(ChatDbContext db)
{
    public async Task<MessageDto> OneAsync(Message message, Guid caller, CancellationToken cancellationToken) =>
        (await ManyAsync([message], caller, cancellationToken))[0];

    /// <summary>With history cursors (seq), or the <paramref name="cursor"/> given (search keeps its own keyset).</summary>
    public async Task<IReadOnlyList<MessageDto>> ManyAsync(
        IReadOnlyList<Message> messages, Guid caller, CancellationToken cancellationToken, Func<Message, string>? cursor = null)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var reactions = await ReactionsAsync([.. messages.Select(m => m.Id)], caller, cancellationToken);
        var unread = await UnreadRepliesAsync([.. messages.Where(m => m.ReplyCount > 0).Select(m => m.Id)], caller, cancellationToken);
        cursor ??= m => new SeqCursor(m.Seq).Encode();
        return [.. messages.Select(m => MessageDto.From(m, cursor(m), reactions[m.Id].ToList(), unread.GetValueOrDefault(m.Id)))];
    }

    /// <summary>Each message's counts per emoji, in the order the emoji were first used on it.</summary>
    public async Task<ILookup<Guid, ReactionDto>> ReactionsAsync(IReadOnlyList<Guid> messageIds, Guid caller, CancellationToken cancellationToken) =>
        (await db.Reactions.AsNoTracking()
            .Where(r => messageIds.Contains(r.MessageId))
            .GroupBy(r => new { r.MessageId, r.Emoji })
            .Select(g => new
            {
                g.Key.MessageId,
                g.Key.Emoji,
                Count = g.Count(),
                Mine = g.Any(r => r.UserId == caller),
                First = g.Min(r => r.CreatedAt),
            })
            .ToListAsync(cancellationToken))
        .OrderBy(r => r.First).ThenBy(r => r.Emoji, StringComparer.Ordinal)
        .ToLookup(r => r.MessageId, r => new ReactionDto(r.Emoji, r.Count, r.Mine));

    /// <summary>Replies of others after the caller's read position in each thread, tombstones excluded.</summary>
    private async Task<Dictionary<Guid, int>> UnreadRepliesAsync(IReadOnlyList<Guid> rootIds, Guid caller, CancellationToken cancellationToken) =>
        rootIds.Count == 0
            ? []
            : await (from reply in db.Messages
                     where reply.ReplyToId != null && rootIds.Contains(reply.ReplyToId.Value)
                           && reply.SenderId != caller && reply.DeletedAt == null
                           && reply.Seq > (db.ThreadReads
                               .Where(r => r.RootId == reply.ReplyToId && r.UserId == caller)
                               .Select(r => (long?)r.LastReadSeq).FirstOrDefault() ?? 0)
                     group reply by reply.ReplyToId!.Value into unread
                     select new { RootId = unread.Key, Count = unread.Count() })
                .ToDictionaryAsync(row => row.RootId, row => row.Count, cancellationToken);
}
