using System.Globalization;
using System.Net.Http.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Services.Notifications;

/// <summary>
/// The Notifications service's REST API (<c>http://notifications</c>, resolved by service discovery). The caller's
/// bearer token is attached by <see cref="Security.BearerTokenForwardingHandler"/>; failures become GraphQL errors.
/// </summary>
public sealed partial class NotificationsServiceClient(HttpClient http, ILogger<NotificationsServiceClient> logger)
{
    public const string ServiceName = "notifications";

    public async Task<NotificationConnection> GetPageAsync(int first, string? after, CancellationToken cancellationToken)
    {
        var path = "/notifications?first=" + first.ToString(CultureInfo.InvariantCulture) +
            (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
        var page = await SendAsync<NotificationPage>(HttpMethod.Get, path, cancellationToken);
        return new NotificationConnection
        {
            Nodes = page.Items,
            PageInfo = new PageInfo { HasNextPage = page.HasNextPage, EndCursor = page.EndCursor },
            UnreadCount = page.UnreadCount,
        };
    }

    public async Task<int> GetUnreadCountAsync(CancellationToken cancellationToken) =>
        (await SendAsync<UnreadCount>(HttpMethod.Get, "/notifications/unread-count", cancellationToken)).Count;

    public Task<Notification> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<Notification>(HttpMethod.Patch, $"/notifications/{id}/read", cancellationToken);

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken) =>
        (await SendAsync<MarkAllRead>(HttpMethod.Patch, "/notifications/read-all", cancellationToken)).Updated;

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Delete, $"/notifications/{id}", cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (DownstreamResilience.IsUnavailable(ex, cancellationToken))
        {
            LogUnavailable(logger, ex, method.Method, path);
            throw GatewayError.ServiceUnavailable(ServiceName);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, method.Method, path, (int)response.StatusCode);
                throw await DownstreamProblem.ToGatewayErrorAsync(response, ServiceName, cancellationToken);
            }

            if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return default!;
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException($"Notifications answered {path} with an empty body.");
        }
    }

    private sealed record NotificationPage(IReadOnlyList<Notification> Items, int UnreadCount, bool HasNextPage, string? EndCursor);

    private sealed record UnreadCount([property: System.Text.Json.Serialization.JsonPropertyName("unreadCount")] int Count);

    private sealed record MarkAllRead(int Updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications service unavailable for {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications service answered {Method} {Path} with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int statusCode);
}
