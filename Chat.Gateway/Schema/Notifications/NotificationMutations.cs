using Chat.Gateway.Security;
using Chat.Gateway.Services.Notifications;
using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>Mutation fields of the notifications area; another user's notification id is NOT_FOUND.</summary>
public sealed class NotificationMutations
{
    private NotificationMutations()
    {
    }

    public static async Task<Notification?> MarkNotificationRead(
        IResolveFieldContext context, [Id] Guid id, [FromServices] NotificationsServiceClient notifications, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await notifications.MarkReadAsync(id, cancellationToken);
    }

    [GraphQLMetadata(Description = "Marks every notification of the caller read; returns how many were unread.")]
    public static async Task<int?> MarkAllNotificationsRead(
        IResolveFieldContext context, [FromServices] NotificationsServiceClient notifications, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await notifications.MarkAllReadAsync(cancellationToken);
    }

    public static async Task<bool?> DeleteNotification(
        IResolveFieldContext context, [Id] Guid id, [FromServices] NotificationsServiceClient notifications, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        await notifications.DeleteAsync(id, cancellationToken);
        return true;
    }
}
