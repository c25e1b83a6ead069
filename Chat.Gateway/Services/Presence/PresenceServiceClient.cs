using System.Net.Http.Json;
using Chat.Contracts.Events;
using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Types;

namespace Chat.Gateway.Services.Presence;

/// <summary>
/// The Presence service's REST API (<c>http://presence</c>, every instance through service discovery). The
/// caller's bearer token is forwarded; the service takes the user from it. Failures become GraphQL errors.
/// </summary>
public sealed partial class PresenceServiceClient(HttpClient http, ILogger<PresenceServiceClient> logger)
{
    public const string ServiceName = "presence";

    /// <summary>The most ids the service answers in one bulk request.</summary>
    public const int MaxBulkIds = 500;

    public Task<UserPresence> SetStatusAsync(PresenceStatus status, CancellationToken cancellationToken) =>
        SendAsync<UserPresence>(HttpMethod.Post, "/presence", new { status }, cancellationToken);

    public Task<UserPresence> HeartbeatAsync(CancellationToken cancellationToken) =>
        SendAsync<UserPresence>(HttpMethod.Post, "/presence/heartbeat", null, cancellationToken);

    public Task<UserPresence> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        SendAsync<UserPresence>(HttpMethod.Get, $"/presence/{userId:D}", null, cancellationToken);

    public Task<UserPresence[]> GetManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        SendAsync<UserPresence[]>(HttpMethod.Post, "/presence/bulk", new { userIds }, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        // A heartbeat has no body, but the service's JSON endpoints expect a JSON request.
        request.Content = body is null ? null : JsonContent.Create(body);

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

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException($"Presence answered {path} with an empty body.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence service unavailable for {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence service answered {Method} {Path} with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int statusCode);
}
