using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Messages;
using Chat.Messaging.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Conversations;

/// <summary>
/// Turns conversations into what a member sees (participants, newest message, unread count) with a fixed number
/// of queries however many conversations there are.
/// </summary>
public sealed class ConversationViews(ChatDbContext db, MessageViews messageViews, TimeProvider time)
{
    public async Task<ConversationDto> OneAsync(Conversation conversation, Guid caller, CancellationToken cancellationToken) =>
        (await ManyAsync([conversation], caller, cancellationToken))[0];

    public async Task<IReadOnlyList<ConversationDto>> ManyAsync(
        IReadOnlyList<Conversation> conversations, Guid caller, CancellationToken cancellationToken)
    {
        var ids = conversations.Select(c => c.Id).ToList();
        var memberRows = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId))
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId)
            .Select(m => new { m.ConversationId, m.UserId, m.MutedAt, m.MutedUntil })
            .ToListAsync(cancellationToken);
        var members = memberRows.ToLookup(m => m.ConversationId, m => m.UserId);
        // The caller's own rows say whether they muted each conversation.
        var now = time.GetUtcNow();
        var mutedUntil = memberRows.Where(m => m.UserId == caller && ConversationMember.IsMuted(m.MutedAt, m.MutedUntil, now))
            .ToDictionary(m => m.ConversationId, m => m.MutedUntil);

        // DISTINCT ON walks the (conversation_id, seq) index once per conversation.
        var lastMessages = await db.Messages
            .FromSql($"SELECT DISTINCT ON (conversation_id) * FROM messages WHERE conversation_id = ANY({ids.ToArray()}) ORDER BY conversation_id, seq DESC")
            .AsNoTracking()
            .ToDictionaryAsync(m => m.ConversationId, cancellationToken);
        var lastMessageViews = (await messageViews.ManyAsync([.. lastMessages.Values], caller, cancellationToken))
            .ToDictionary(m => m.ConversationId);

        var unread = await UnreadCountsAsync(ids, caller, cancellationToken);

        return [.. conversations.Select(c => new ConversationDto(
            c.Id, c.IsGroup, c.Title, c.CreatedBy, [.. members[c.Id]], c.LastMessageAt, c.CreatedAt, c.UpdatedAt,
            lastMessageViews.GetValueOrDefault(c.Id),
            unread.GetValueOrDefault(c.Id),
            new Cursor(c.LastMessageAt ?? c.CreatedAt, c.Id).Encode(),
            mutedUntil.ContainsKey(c.Id),
            mutedUntil.GetValueOrDefault(c.Id)))];
    }

    /// <summary>Messages of others after the caller's read pointer, tombstones excluded.</summary>
    public async Task<Dictionary<Guid, int>> UnreadCountsAsync(IReadOnlyList<Guid> conversationIds, Guid caller, CancellationToken cancellationToken) =>
        await (from member in db.Members
               where member.UserId == caller && conversationIds.Contains(member.ConversationId)
               from message in db.Messages
               where message.ConversationId == member.ConversationId
                     && message.SenderId != caller
                     && message.DeletedAt == null
                     && EF.Functions.GreaterThan(
                         ValueTuple.Create(message.CreatedAt, message.Id),
                         ValueTuple.Create(member.LastReadAt, member.LastReadMessageId))
               group message by message.ConversationId into unread
               select new { ConversationId = unread.Key, Count = unread.Count() })
            .ToDictionaryAsync(row => row.ConversationId, row => row.Count, cancellationToken);
}
