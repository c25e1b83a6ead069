using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// What this service knows about deleted messages, inside the consumer's transaction. A message's created and
/// deleted events come on different topics, maybe to different instances at once: both take the same per-message
/// transaction lock first, so a deletion either sees the notifications it must clear or leaves a tombstone the
/// creation sees.
/// </summary>
public sealed class MessageDeletions(NotificationDbContext db)
{
    /// <summary>True when <paramref name="messageId"/> was deleted already: nobody is to be notified of it.</summary>
    public async Task<bool> WasDeletedAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await LockAsync(messageId, cancellationToken);
        return await db.DeletedMessages.AnyAsync(deleted => deleted.MessageId == messageId, cancellationToken);
    }

    /// <summary>
    /// Leaves the tombstone and replaces the message's text in every notification quoting it; returns whose
    /// notifications changed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecordAsync(MessageDeleted deleted, CancellationToken cancellationToken)
    {
        await LockAsync(deleted.MessageId, cancellationToken);
        if (!await db.DeletedMessages.AnyAsync(d => d.MessageId == deleted.MessageId, cancellationToken))
        {
            db.DeletedMessages.Add(new DeletedMessage { MessageId = deleted.MessageId, DeletedAt = deleted.DeletedAt });
        }

        var quoting = db.Notifications.Where(n => n.MessageId == deleted.MessageId && n.Message != MessagePreview.Deleted);
        var recipients = await quoting.Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
        await quoting.ExecuteUpdateAsync(set => set.SetProperty(n => n.Message, MessagePreview.Deleted), cancellationToken);
        return recipients;
    }

    // Held until the consumer's transaction ends; the key space is PostgreSQL's 64-bit advisory locks.
    private Task LockAsync(Guid messageId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended('notifications:message:' || {messageId.ToString()}, 0))",
            cancellationToken);
}
