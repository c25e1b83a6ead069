using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Eventing.Consumers;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// Keeps the membership projection equal to the event's participant list (the full list after the change), so
/// applying the events of the single-partition topic in order always converges, whatever the change kind.
/// </summary>
public sealed class ConversationChangedHandler(NotificationDbContext db) : IIntegrationEventHandler<ConversationChanged>
{
    public async Task HandleAsync(ConversationChanged @event, EventContext context, CancellationToken cancellationToken)
    {
        var participants = @event.ParticipantIds.ToHashSet();
        await db.ConversationMembers
            .Where(m => m.ConversationId == @event.ConversationId && !participants.Contains(m.UserId))
            .ExecuteDeleteAsync(cancellationToken);

        var existing = await db.ConversationMembers
            .Where(m => m.ConversationId == @event.ConversationId)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        foreach (var userId in participants.Except(existing))
        {
            db.ConversationMembers.Add(new ConversationMember { ConversationId = @event.ConversationId, UserId = userId });
        }
    }
}
