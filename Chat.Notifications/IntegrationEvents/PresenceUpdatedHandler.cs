using Chat.Contracts.Events;
using Chat.Notifications.Configuration;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Eventing.Consumers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// "User online" for the people who share a conversation with the user — at most once per pair within the
/// cooldown, claimed in the same transaction, so neither flapping nor several instances can produce a storm.
/// </summary>
public sealed class PresenceUpdatedHandler(
    NotificationDbContext db, NotificationFactory notifications, OnlineCooldownClaims cooldowns, IOptions<NotificationOptions> options)
    : IIntegrationEventHandler<PresenceUpdated>
{
    public async Task HandleAsync(PresenceUpdated @event, EventContext context, CancellationToken cancellationToken)
    {
        if (@event.Status != PresenceStatus.Online || @event.PreviousStatus == PresenceStatus.Online)
        {
            return;
        }

        var contacts = await db.ConversationMembers
            .Where(m => m.UserId != @event.UserId &&
                db.ConversationMembers.Any(own => own.ConversationId == m.ConversationId && own.UserId == @event.UserId))
            .Select(m => m.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (contacts.Count == 0)
        {
            return;
        }

        var recipients = await cooldowns.ClaimAsync(
            @event.UserId, contacts, @event.OccurredAt, options.Value.OnlineNotificationCooldown, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var username = await notifications.UsernameOfAsync(@event.UserId, cancellationToken);
        await notifications.CreateAsync(
            recipients,
            NotificationTypes.UserOnline,
            "User online",
            username is null ? "A contact is online" : $"{username} is online",
            new { @event.UserId, Status = "ONLINE" },
            @event.EventId,
            @event.OccurredAt,
            cancellationToken);
    }
}
