using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Delivery;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// A deleted message's text leaves every notification quoting it: the stored rows, and the recipients' cached
/// Redis lists (dropped now and again after commit, so neither a crash after commit nor a concurrent rebuild
/// leaves the text served); a later <c>message.created</c> for it notifies nobody.
/// </summary>
public sealed class MessageDeletedHandler(NotificationDbContext db, MessageDeletions deletions, NotificationDeliverer deliverer)
    : IIntegrationEventHandler<MessageDeleted>
{
    public async Task HandleAsync(MessageDeleted @event, EventContext context, CancellationToken cancellationToken)
    {
        var recipients = await deletions.RecordAsync(@event, cancellationToken);
        await deliverer.DropListsAsync(recipients);
        foreach (var userId in recipients)
        {
            db.DropCachedListAfterCommit(userId);
        }
    }
}
