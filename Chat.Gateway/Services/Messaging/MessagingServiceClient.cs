using System.Net.Http.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Services.Messaging;

/// <summary>
/// The Messaging service's REST API (<c>http://messaging</c>, resolved by service discovery). The caller's bearer
/// token is attached by <see cref="Security.BearerTokenForwardingHandler"/>; the service decides who may do what,
/// and its problems become GraphQL errors (404 NOT_FOUND, 400/409 BAD_USER_INPUT, 403 FORBIDDEN).
/// </summary>
public sealed partial class MessagingServiceClient(HttpClient http, ILogger<MessagingServiceClient> logger)
{
    public const string ServiceName = "messaging";

    public Task<Page<Conversation>> ListConversationsAsync(int? first, string? after, CancellationToken cancellationToken) =>
        SendAsync<Page<Conversation>>(HttpMethod.Get, "/conversations" + PageQuery(first, after), null, cancellationToken);

    public Task<Conversation> GetConversationAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<Conversation>(HttpMethod.Get, $"/conversations/{id}", null, cancellationToken);

    public Task<Conversation> CreateConversationAsync(CreateConversationInput input, CancellationToken cancellationToken) =>
        SendAsync<Conversation>(HttpMethod.Post, "/conversations", new { input.ParticipantIds, input.Title, input.IsGroup }, cancellationToken);

    public Task<Conversation> AddMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        SendAsync<Conversation>(HttpMethod.Post, $"/conversations/{conversationId}/members", new { userId }, cancellationToken);

    public Task<Conversation> RemoveMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        SendAsync<Conversation>(HttpMethod.Delete, $"/conversations/{conversationId}/members/{userId}", null, cancellationToken);

    public Task<Conversation> LeaveAsync(Guid conversationId, CancellationToken cancellationToken) =>
        SendAsync<Conversation>(HttpMethod.Post, $"/conversations/{conversationId}/leave", null, cancellationToken);

    public Task<Page<Message>> HistoryAsync(Guid conversationId, int? first, string? after, CancellationToken cancellationToken) =>
        SendAsync<Page<Message>>(HttpMethod.Get, $"/messages/{conversationId}" + PageQuery(first, after), null, cancellationToken);

    public Task<Page<Message>> SearchAsync(string query, int? first, string? after, CancellationToken cancellationToken) =>
        SendAsync<Page<Message>>(HttpMethod.Get, $"/messages/search?q={Uri.EscapeDataString(query)}" + PageQuery(first, after, "&"), null, cancellationToken);

    public Task<Message> SendMessageAsync(SendMessageInput input, CancellationToken cancellationToken) =>
        SendAsync<Message>(HttpMethod.Post, "/messages", new { input.ConversationId, input.Content, input.ClientMessageId }, cancellationToken);

    public Task<Message> EditMessageAsync(Guid id, string content, CancellationToken cancellationToken) =>
        SendAsync<Message>(HttpMethod.Patch, $"/messages/{id}", new { content }, cancellationToken);

    public Task<Message> DeleteMessageAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<Message>(HttpMethod.Delete, $"/messages/{id}", null, cancellationToken);

    public Task<ReadState> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<ReadState>(HttpMethod.Patch, $"/messages/{id}/read", null, cancellationToken);

    private static string PageQuery(int? first, string? after, string separator = "?")
    {
        var parts = new List<string>();
        if (first is { } limit)
        {
            parts.Add($"limit={limit}");
        }

        if (!string.IsNullOrEmpty(after))
        {
            parts.Add($"cursor={Uri.EscapeDataString(after)}");
        }

        return parts.Count == 0 ? "" : separator + string.Join('&', parts);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (DownstreamResilience.IsUnavailable(ex, cancellationToken))
        {
            LogUnavailable(logger, ex, method.Method);
            throw GatewayError.ServiceUnavailable(ServiceName);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, method.Method, (int)response.StatusCode);
                throw await DownstreamProblem.ToGatewayErrorAsync(response, ServiceName, cancellationToken);
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException("Messaging answered with an empty body.");
        }
    }

    // Paths carry conversation ids and search terms: only the method is logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging service unavailable for a {Method} request")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Messaging service answered a {Method} request with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string method, int statusCode);
}
