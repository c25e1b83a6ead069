using System.Text.Json;
using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Delivery;
using Chat.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// Creates notifications inside the consumer's transaction: the rows (each with its recipient's next seq), a
/// <see cref="NotificationCreated"/> event in the outbox for each, and (after commit) their Redis delivery.
/// </summary>
public sealed class NotificationFactory(NotificationDbContext db, TimeProvider time)
{
    public async Task<string?> UsernameOfAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Username).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Inside the consumer's transaction: each recipient's notification takes the recipient's next seq.</summary>
    public Task CreateAsync(
        IEnumerable<Guid> recipients, string type, string title, string message, object data, Guid sourceEventId, DateTimeOffset eventOccurredAt,
        CancellationToken cancellationToken, Guid? messageId = null) =>
        CreateAsync(recipients.Select(userId => new Recipient(userId, type, title)), message, data, sourceEventId, eventOccurredAt, cancellationToken, messageId);

    /// <summary>One notification per recipient, each of its own type and title (a recipient listed twice gets the first).</summary>
    public async Task CreateAsync(
        IEnumerable<Recipient> recipients, string message, object data, Guid sourceEventId, DateTimeOffset eventOccurredAt,
        CancellationToken cancellationToken, Guid? messageId = null)
    {
        var json = JsonSerializer.Serialize(data, NotificationView.JsonOptions);
        // Postgres keeps microseconds: a createdAt with finer ticks would make cursors from cached copies miss rows.
        var now = time.GetUtcNow();
        var createdAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var distinct = recipients.DistinctBy(r => r.UserId).ToList();
        var positions = await NotificationLog.NextAsync(db, [.. distinct.Select(r => r.UserId)], cancellationToken);
        foreach (var (userId, type, title) in distinct)
        {
            var seq = positions[userId];
            var notification = new Notification
            {
                Id = Guid.CreateVersion7(createdAt),
                UserId = userId,
                Seq = seq,
                Type = type,
                Title = title,
                Message = message,
                Data = json,
                CreatedAt = createdAt,
                SourceEventId = sourceEventId,
                MessageId = messageId,
            };
            db.AddNotification(notification, eventOccurredAt);
            db.AddIntegrationEvent(new NotificationCreated(notification.Id, userId, type, title, message, createdAt, seq));
        }
    }
}

/// <summary>Who gets a notification, of which type, under which title.</summary>
public sealed record Recipient(Guid UserId, string Type, string Title);
