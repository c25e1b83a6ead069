using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Chat.Gateway.Realtime;

/// <summary>Tells Presence that a connected user is active (heartbeat) or has left (OFFLINE), with the user's token.</summary>
public sealed partial class PresenceActivityClient(HttpClient http, ILogger<PresenceActivityClient> logger)
{
    public Task HeartbeatAsync(string accessToken, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/presence/heartbeat", null, accessToken, cancellationToken);

    public Task SetOfflineAsync(string accessToken, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/presence", new { status = "OFFLINE" }, accessToken, cancellationToken);

    /// <summary>Failures are logged, never thrown: presence is a side effect of a connection, not a reason to drop it.</summary>
    private async Task SendAsync(HttpMethod method, string path, object? body, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, path, (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException
                                              or Polly.CircuitBreaker.BrokenCircuitException)
        {
            LogUnavailable(logger, exception, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence answered {Path} with {Status}")]
    private static partial void LogRejected(ILogger logger, string path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence unavailable for {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
