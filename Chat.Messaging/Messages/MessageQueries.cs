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
public sealed class MessageQueries(ChatDbContext db)
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

        var messages = db.Messages.Where(m => m.ConversationId == conversationId);
        if (before is { Seq: var seq })
        {
            messages = messages.Where(m => m.Seq < seq);
        }

        var page = await messages.AsNoTracking().OrderByDescending(m => m.Seq).Take(size + 1).ToListAsync(cancellationToken);
        return PageOf(page, size, MessageDto.From);
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
        return PageOf(page, size, m => MessageDto.From(m, new Cursor(m.CreatedAt, m.Id).Encode()));
    }

    private static PageDto<MessageDto> PageOf(List<Message> page, int size, Func<Message, MessageDto> view)
    {
        var items = page.Take(size).Select(view).ToList();
        var hasNext = page.Count > size;
        return new PageDto<MessageDto>(items, hasNext ? items[^1].Cursor : null, hasNext);
    }
}
