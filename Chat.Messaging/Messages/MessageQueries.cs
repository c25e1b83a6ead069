using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Paging;
using Chat.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Chat.Messaging.Messages;

/// <summary>
/// History, newest first by seq (the conversation's commit order, the same order events are published in), and
/// search across conversations, newest first by keyset on (created_at, id). A page starts strictly after its
/// cursor, so messages arriving meanwhile (they are newer) never shift, duplicate or hide older ones.
/// </summary>
public sealed class MessageQueries(ChatDbContext db, MessageViews views, MessageService messages)
{
    public async Task<PageDto<MessageDto>> HistoryAsync(
        Guid caller, Guid conversationId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = MessagingRules.PageSize(limit);
        var before = SeqCursor.Decode(cursor);
        if (!await db.ConversationIdsOf(caller).AnyAsync(id => id == conversationId, cancellationToken))
        {
            throw NotFoundException.OfConversation();
        }

        var history = db.Messages.Where(m => m.ConversationId == conversationId);
        if (before is { Seq: var seq })
        {
            history = history.Where(m => m.Seq < seq);
        }

        var page = await history.AsNoTracking().OrderByDescending(m => m.Seq).Take(size + 1).ToListAsync(cancellationToken);
        return await PageOfAsync(page, size, caller, cancellationToken);
    }

    /// <summary>
    /// A thread's replies, oldest first (the order a thread is read in); <paramref name="messageId"/> may be the root
    /// or any reply of it.
    /// </summary>
    public async Task<PageDto<MessageDto>> ThreadAsync(
        Guid caller, Guid messageId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = MessagingRules.PageSize(limit);
        var after = SeqCursor.Decode(cursor);
        var message = await messages.LoadVisibleAsync(caller, messageId, cancellationToken);
        var rootId = message.ReplyToId ?? message.Id;
        var replies = db.Messages.Where(m => m.ReplyToId == rootId);
        if (after is { Seq: var seq })
        {
            replies = replies.Where(m => m.Seq > seq);
        }

        var page = await replies.AsNoTracking().OrderBy(m => m.Seq).Take(size + 1).ToListAsync(cancellationToken);
        return await PageOfAsync(page, size, caller, cancellationToken);
    }

    /// <summary>Every text the message has had, oldest first, the current one last; a deleted message has none.</summary>
    public async Task<IReadOnlyList<MessageVersionDto>> VersionsAsync(Guid caller, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await messages.LoadVisibleAsync(caller, messageId, cancellationToken);
        if (message.IsDeleted)
        {
            return [];
        }

        var earlier = await db.Versions.AsNoTracking().Where(v => v.MessageId == messageId).OrderBy(v => v.Version)
            .Select(v => new MessageVersionDto(v.Version, v.Content, v.WrittenAt, v.ReplacedAt))
            .ToListAsync(cancellationToken);
        return [.. earlier, new MessageVersionDto(earlier.Count + 1, message.Content, message.EditedAt ?? message.CreatedAt, null)];
    }

    /// <summary>Full-text search (English stemming, web-search syntax) over the caller's conversations only.</summary>
    public async Task<PageDto<MessageDto>> SearchAsync(Guid caller, string? text, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = text?.Trim() ?? "";
        if (query.Length is 0 or > MessagingRules.MaxSearchQueryLength)
        {
            throw new InvalidInputException("q", $"q must be 1 to {MessagingRules.MaxSearchQueryLength} characters.");
        }

        var size = MessagingRules.PageSize(limit);
        var after = Cursor.Decode(cursor);
        var matches = db.Messages.Where(m =>
            db.ConversationIdsOf(caller).Contains(m.ConversationId) &&
            m.DeletedAt == null &&
            EF.Property<NpgsqlTsVector>(m, ChatDbContext.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery(ChatDbContext.SearchConfiguration, query)));
        if (after is { } position)
        {
            matches = matches.Where(m => EF.Functions.LessThan(
                ValueTuple.Create(m.CreatedAt, m.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await matches.AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        return await PageOfAsync(page, size, caller, cancellationToken, m => new Cursor(m.CreatedAt, m.Id).Encode());
    }

    private async Task<PageDto<MessageDto>> PageOfAsync(
        List<Message> page, int size, Guid caller, CancellationToken cancellationToken, Func<Message, string>? cursor = null)
    {
        var items = await views.ManyAsync([.. page.Take(size)], caller, cancellationToken, cursor);
        var hasNext = page.Count > size;
        return new PageDto<MessageDto>(items, hasNext ? items[^1].Cursor : null, hasNext);
    }
}
