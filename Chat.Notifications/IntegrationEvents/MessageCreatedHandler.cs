using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Eventing.Consumers;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>A "new message" notification for every participant of the conversation except the sender.</summary>
public sealed class MessageCreatedHandler(NotificationDbContext db, NotificationFactory notifications, MessageDeletions deletions)
    : IIntegrationEventHandler<MessageCreated>
{
    public async Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        // Read after its deletion (no order between topics): its text must never be pushed.
        if (await deletions.WasDeletedAsync(@event.MessageId, cancellationToken))
        {
            return;
        }

        // The event names the participants at send time; the projection is the fallback for producers that don't.
        IEnumerable<Guid> participants = @event.ParticipantIds.Count > 0
            ? @event.ParticipantIds
            : await db.ConversationMembers.Where(m => m.ConversationId == @event.ConversationId).Select(m => m.UserId)
                .ToListAsync(cancellationToken);
        var recipients = participants.Where(id => id != @event.SenderId).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        // A sender whose user.registered has not been read yet (another topic, no cross-topic order) stays unnamed.
        var sender = await notifications.UsernameOfAsync(@event.SenderId, cancellationToken);
        await notifications.CreateAsync(
            recipients,
            NotificationTypes.NewMessage,
            sender is null ? "New message" : $"New message from {sender}",
            MessagePreview.From(@event.Content),
            new { @event.ConversationId, @event.MessageId, @event.SenderId },
            @event.EventId,
            @event.OccurredAt,
            cancellationToken,
            messageId: @event.MessageId);
    }
}
