using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Services;
using Chat.Gateway.Services.Resilience;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Reads what a subscriber missed from Messaging, with the subscriber's own token (a replay runs after the subscribe
/// request, outside any HTTP request of the caller): new messages after a seq, changes after a change position.
/// </summary>
public sealed partial class MessageReplayClient(HttpClient http, ILogger<MessageReplayClient> logger)
{
    public const string ServiceName = Chat.ServiceDefaults.ResourceNames.Messaging;

    public Task<LogPage<ReplayedMessage>> MessagesAfterAsync(Guid conversationId, long after, int limit, string accessToken, CancellationToken cancellationToken) =>
        GetAsync<ReplayedMessage>($"/conversations/{conversationId}/messages?after={Invariant(after)}&limit={Invariant(limit)}", accessToken, cancellationToken);

    public Task<LogPage<ReplayedChange>> ChangesAfterAsync(Guid conversationId, long after, int limit, string accessToken, CancellationToken cancellationToken) =>
        GetAsync<ReplayedChange>($"/conversations/{conversationId}/changes?after={Invariant(after)}&limit={Invariant(limit)}", accessToken, cancellationToken);

    private async Task<LogPage<T>> GetAsync<T>(string path, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
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
            return await response.Content.ReadFromJsonAsync<LogPage<T>>(cancellationToken)
                ?? throw new InvalidOperationException("Messaging answered a replay request with an empty body.");
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging unavailable for a replay")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
