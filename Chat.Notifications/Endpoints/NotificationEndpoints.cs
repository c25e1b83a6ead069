using System.Security.Claims;
using Chat.Notifications.Configuration;
using Chat.Notifications.Delivery;
using Chat.Notifications.Endpoints.Contracts;
using Chat.Notifications.Reading;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chat.Notifications.Endpoints;

/// <summary>The caller's own notifications; the caller is the token's <c>sub</c>, and another user's id is a 404.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/notifications").RequireAuthorization();
        notifications.MapGet("/", GetPage);
        notifications.MapGet("/unread-count", GetUnreadCount);
        notifications.MapGet("/changes", GetChanges);
        notifications.MapPatch("/read-all", MarkAllRead);
        notifications.MapPatch("/{id:guid}/read", MarkRead);
        notifications.MapDelete("/{id:guid}", Delete);
        return app;
    }

    public static async Task<Results<Ok<NotificationPage>, ValidationProblem>> GetPage(
        [AsParameters] PageQuery query, ClaimsPrincipal principal, UserNotifications notifications,
        IOptions<NotificationOptions> options, CancellationToken cancellationToken)
    {
        var first = query.First ?? options.Value.DefaultPageSize;
        if (first < 1 || first > options.Value.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["first"] = [$"first must be between 1 and {options.Value.MaxPageSize}."],
            });
        }

        return TypedResults.Ok(await notifications.GetPageAsync(principal.UserId(), first, query.After, cancellationToken));
    }

    /// <summary>Resume: the caller's notifications with seq greater than <c>after</c>, oldest first, 1–500 per batch.</summary>
    public static async Task<Results<Ok<NotificationLogPage>, ValidationProblem>> GetChanges(
        ClaimsPrincipal principal, NotificationReplay replay, CancellationToken cancellationToken, long? after = null, int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (after < 0)
        {
            errors["after"] = ["after must be a position (0 or more)."];
        }
        if (limit is < 1 or > NotificationReplay.MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {NotificationReplay.MaxLimit}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await replay.AfterAsync(principal.UserId(), after ?? 0, limit ?? NotificationReplay.DefaultLimit, cancellationToken));
    }

    public static async Task<Ok<UnreadCountResponse>> GetUnreadCount(
        ClaimsPrincipal principal, UserNotifications notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountResponse(await notifications.GetUnreadCountAsync(principal.UserId(), cancellationToken)));

    public static async Task<Ok<NotificationView>> MarkRead(
        Guid id, ClaimsPrincipal principal, UserNotifications notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await notifications.MarkReadAsync(principal.UserId(), id, cancellationToken));

    public static async Task<Ok<MarkAllReadResponse>> MarkAllRead(
        ClaimsPrincipal principal, UserNotifications notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkAllReadResponse(await notifications.MarkAllReadAsync(principal.UserId(), cancellationToken)));

    public static async Task<NoContent> Delete(
        Guid id, ClaimsPrincipal principal, UserNotifications notifications, CancellationToken cancellationToken)
    {
        await notifications.DeleteAsync(principal.UserId(), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
