using Chat.Gateway.Security;
using Chat.Gateway.Services.Notifications;
using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>Query fields of the notifications area; nullable, so a failure here leaves the query's other fields intact.</summary>
public sealed class NotificationQueries
{
    private NotificationQueries()
    {
    }

    [GraphQLMetadata(Description = "The caller's notifications, newest first: `first` up to 100, `after` a previous page's endCursor.")]
    public static async Task<NotificationConnection?> Notifications(
        IResolveFieldContext context, [FromServices] NotificationsServiceClient notifications, CancellationToken cancellationToken,
        int first = 20, string? after = null)
    {
        context.RequireUserId();
        return await notifications.GetPageAsync(first, after, cancellationToken);
    }

    [GraphQLMetadata(Description = "How many of the caller's notifications are unread.")]
    public static async Task<int?> UnreadNotificationCount(
        IResolveFieldContext context, [FromServices] NotificationsServiceClient notifications, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await notifications.GetUnreadCountAsync(cancellationToken);
    }
}
