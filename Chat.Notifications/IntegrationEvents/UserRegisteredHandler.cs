using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>Fills the user directory that names senders in notification titles.</summary>
public sealed class UserRegisteredHandler(NotificationDbContext db) : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered @event, EventContext context, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([@event.UserId], cancellationToken);
        if (user is null)
        {
            db.Users.Add(new DirectoryUser { Id = @event.UserId, Username = @event.Username });
        }
        else
        {
            user.Username = @event.Username;
        }
    }
}
