using System.Globalization;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Services.Notifications;

/// <summary>
/// The Notifications service's REST API (<c>http://notifications</c>, resolved by service discovery). The caller's
/// bearer token is attached by <see cref="Security.BearerTokenForwardingHandler"/>; failures become GraphQL errors.
/// </summary>
public sealed class NotificationsServiceClient(HttpClient http, ILogger<NotificationsServiceClient> logger)
{
    public const string ServiceName = "notifications";

    private readonly DownstreamApi _api = new(http, ServiceName, logger);

    public async Task<NotificationConnection> GetPageAsync(int first, string? after, CancellationToken cancellationToken)
    {
        var path = "/notifications?first=" + first.ToString(CultureInfo.InvariantCulture) +
            (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
        var page = await _api.SendAsync<NotificationPage>(HttpMethod.Get, path, null, cancellationToken);
        return new NotificationConnection
        {
            Nodes = page.Items,
            Edges = [.. page.Items.Zip(page.ItemCursors ?? [], (node, cursor) => new NotificationEdge { Cursor = cursor, Node = node })],
            PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.EndCursor },
            UnreadCount = page.UnreadCount,
        };
    }

    public async Task<int> GetUnreadCountAsync(CancellationToken cancellationToken) =>
        (await _api.SendAsync<UnreadCount>(HttpMethod.Get, "/notifications/unread-count", null, cancellationToken)).Count;

    public Task<Notification> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        _api.SendAsync<Notification>(HttpMethod.Patch, $"/notifications/{id}/read", null, cancellationToken);

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken) =>
        (await _api.SendAsync<MarkAllRead>(HttpMethod.Patch, "/notifications/read-all", null, cancellationToken)).Updated;

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        _api.SendAsync<object>(HttpMethod.Delete, $"/notifications/{id}", null, cancellationToken);

    private sealed record NotificationPage(
        IReadOnlyList<Notification> Items, int UnreadCount, bool HasNextPage, string? EndCursor, IReadOnlyList<string>? ItemCursors);

    private sealed record UnreadCount([property: System.Text.Json.Serialization.JsonPropertyName("unreadCount")] int Count);

    private sealed record MarkAllRead(int Updated);
}
