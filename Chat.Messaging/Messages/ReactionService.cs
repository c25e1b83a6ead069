using Chat.Contracts.Events;
using Chat.Messaging.Data;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Paging;
using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Messages;

/// <summary>
/// Reactions: one per member per emoji of <see cref="ReactionEmoji.Palette"/>. A change that changes something takes
/// a position in the conversation's change log (the message's <see cref="Message.ChangeSeq"/>, so replay finds it)
/// and publishes one <see cref="MessageReacted"/> with the counts after it; adding what is there, or removing what
/// is not, changes and announces nothing.
/// </summary>
public sealed class ReactionService(ChatDbContext db, MessageService messages, MessageViews views, TimeProvider time)
{
    public Task<MessageDto> AddAsync(Guid caller, Guid messageId, string? emoji, CancellationToken cancellationToken) =>
        ChangeAsync(caller, messageId, ReactionEmoji.Valid(emoji), added: true, cancellationToken);

    public Task<MessageDto> RemoveAsync(Guid caller, Guid messageId, string? emoji, CancellationToken cancellationToken) =>
        ChangeAsync(caller, messageId, ReactionEmoji.Valid(emoji), added: false, cancellationToken);

    private async Task<MessageDto> ChangeAsync(Guid caller, Guid messageId, string emoji, bool added, CancellationToken cancellationToken)
    {
        var message = await db.InTransactionAsync(async ct =>
        {
            var message = await messages.LoadVisibleAsync(caller, messageId, ct);
            RequireNotDeleted(message);
            var now = MessagingRules.Now(time);
            // The row itself decides: a concurrent identical change waits on its key and then finds nothing to do.
            var changed = added
                ? await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO message_reactions (message_id, emoji, user_id, created_at) VALUES ({messageId}, {emoji}, {caller}, {now}) ON CONFLICT DO NOTHING", ct)
                : await db.Reactions.Where(r => r.MessageId == messageId && r.Emoji == emoji && r.UserId == caller).ExecuteDeleteAsync(ct);
            if (changed == 0)
            {
                return message;
            }

            // Under the conversation's lock the counts include every reaction change committed before this one.
            message.ChangeSeq = await messages.ChangePositionAsync(message, ct);
            RequireNotDeleted(message);
            message.LastChange = MessageChange.Reacted;
            message.UpdatedAt = now;
            var counts = (await views.ReactionsAsync([messageId], caller, ct))[messageId].Select(r => new ReactionCount(r.Emoji, r.Count)).ToList();
            db.AddIntegrationEvent(new MessageReacted(messageId, message.ConversationId, caller, emoji, added, counts, message.Seq, message.ChangeSeq));
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken);
        return await views.OneAsync(message, caller, cancellationToken);
    }

    /// <summary>Who reacted with <paramref name="emoji"/>, in the order they did.</summary>
    public async Task<PageDto<ReactorDto>> ReactorsAsync(
        Guid caller, Guid messageId, string? emoji, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var valid = ReactionEmoji.Valid(emoji);
        var size = MessagingRules.PageSize(limit);
        var after = Cursor.Decode(cursor);
        await messages.LoadVisibleAsync(caller, messageId, cancellationToken);
        var reactors = db.Reactions.AsNoTracking().Where(r => r.MessageId == messageId && r.Emoji == valid);
        if (after is { } position)
        {
            reactors = reactors.Where(r => EF.Functions.GreaterThan(
                ValueTuple.Create(r.CreatedAt, r.UserId), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await reactors.OrderBy(r => r.CreatedAt).ThenBy(r => r.UserId).Take(size + 1).ToListAsync(cancellationToken);
        var items = page.Take(size).Select(r => new ReactorDto(r.UserId, r.Emoji, r.CreatedAt, new Cursor(r.CreatedAt, r.UserId).Encode())).ToList();
        var hasNext = page.Count > size;
        return new PageDto<ReactorDto>(items, hasNext ? items[^1].Cursor : null, hasNext);
    }

    private static void RequireNotDeleted(Message message)
    {
        if (message.IsDeleted)
        {
            throw new ConflictException("A deleted message cannot be reacted to.");
        }
    }
}
