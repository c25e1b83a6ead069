using System.Net;
using System.Net.Http.Headers;
using Chat.Gateway.Errors;
using Chat.Gateway.Services.Resilience;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Asks Messaging whether a user belongs to a conversation, with that user's own token: reading one message of
/// it (<c>GET /messages/{conversationId}?limit=1</c>) succeeds only for members.
/// </summary>
public sealed partial class ConversationMembershipClient(HttpClient http, ILogger<ConversationMembershipClient> logger)
{
    public const string ServiceName = Chat.ServiceDefaults.ResourceNames.Messaging;

    public async Task<bool> IsMemberAsync(Guid conversationId, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/messages/{conversationId}?limit=1");
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
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => true,
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound => false,
                HttpStatusCode.Unauthorized => throw GatewayError.Unauthenticated(),
                _ => throw GatewayError.ServiceUnavailable(ServiceName),
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging unavailable for a membership check")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
