using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Services;
using Chat.Gateway.Services.Resilience;

namespace Chat.Gateway.Realtime;

/// <summary>Reads the notifications a subscriber missed from Notifications (<c>GET /notifications/changes?after=</c>), with the subscriber's own token.</summary>
public sealed partial class NotificationReplayClient(HttpClient http, ILogger<NotificationReplayClient> logger)
{
    public const string ServiceName = Chat.ServiceDefaults.ResourceNames.Notifications;

    public async Task<LogPage<Notification>> AfterAsync(long after, int limit, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/notifications/changes?after={after.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (DownstreamResilience.IsUnavailable(exception, cancellationToken))
        {
            LogUnavailable(logger, exception);
            throw GatewayError.ServiceUnavailable(ServiceName);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await DownstreamProblem.ToGatewayErrorAsync(response, ServiceName, cancellationToken);
            }
            var page = await response.Content.ReadFromJsonAsync<LogPage<JsonElement>>(cancellationToken)
                ?? throw new InvalidOperationException("Notifications answered a replay request with an empty body.");
            return new LogPage<Notification>([.. page.Items.Select(NotificationFeed.ParseNotification)], page.Position, page.HasMore, page.Latest);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications unavailable for a replay")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
