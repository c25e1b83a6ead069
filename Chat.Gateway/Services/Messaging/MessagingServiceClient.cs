using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Services.Messaging;

/// <summary>
/// The Messaging service's REST API (<c>http://messaging</c>, resolved by service discovery). The caller's bearer
/// token is attached by <see cref="Security.BearerTokenForwardingHandler"/>; the service decides who may do what,
/// and its problems become GraphQL errors (404 NOT_FOUND, 400/409 BAD_USER_INPUT, 403 FORBIDDEN).
/// </summary>
public sealed class MessagingServiceClient(HttpClient http, ILogger<MessagingServiceClient> logger)
{
    public const string ServiceName = "messaging";

    private readonly DownstreamApi _api = new(http, ServiceName, logger);

    public Task<Page<Conversation>> ListConversationsAsync(int? first, string? after, CancellationToken cancellationToken) =>
        _api.SendAsync<Page<Conversation>>(HttpMethod.Get, "/conversations" + PageQuery(first, after), null, cancellationToken,
            ArgumentNames.Paging);

    public Task<Conversation> GetConversationAsync(Guid id, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Get, $"/conversations/{id}", null, cancellationToken);

    public Task<Conversation> CreateConversationAsync(CreateConversationInput input, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Post, "/conversations", new { input.ParticipantIds, input.Title, input.IsGroup }, cancellationToken);

    public Task<Conversation> AddMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Post, $"/conversations/{conversationId}/members", new { userId }, cancellationToken);

    public Task<Conversation> RemoveMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Delete, $"/conversations/{conversationId}/members/{userId}", null, cancellationToken);

    public Task<Conversation> LeaveAsync(Guid conversationId, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Post, $"/conversations/{conversationId}/leave", null, cancellationToken);

    public Task<Page<Message>> HistoryAsync(Guid conversationId, int? first, string? after, CancellationToken cancellationToken) =>
        _api.SendAsync<Page<Message>>(HttpMethod.Get, $"/messages/{conversationId}" + PageQuery(first, after), null, cancellationToken,
            ArgumentNames.Paging);

    public Task<Page<Message>> SearchAsync(string query, int? first, string? after, CancellationToken cancellationToken) =>
        _api.SendAsync<Page<Message>>(HttpMethod.Get, $"/messages/search?q={Uri.EscapeDataString(query)}" + PageQuery(first, after, "&"), null,
            cancellationToken, ArgumentNames.Search);

    public Task<Message> SendMessageAsync(SendMessageInput input, IReadOnlyList<Guid> mentionedUserIds, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Post, "/messages",
            new { input.ConversationId, input.Content, input.ClientMessageId, input.ReplyToId, mentionedUserIds }, cancellationToken,
            ArgumentNames.Send);

    public Task<Message> AddReactionAsync(Guid messageId, string emoji, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Put, $"/messages/{messageId}/reactions?emoji={Uri.EscapeDataString(emoji)}", null, cancellationToken);

    public Task<Message> RemoveReactionAsync(Guid messageId, string emoji, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Delete, $"/messages/{messageId}/reactions?emoji={Uri.EscapeDataString(emoji)}", null, cancellationToken);

    public Task<Page<Reactor>> ReactorsAsync(Guid messageId, string emoji, int? first, string? after, CancellationToken cancellationToken) =>
        _api.SendAsync<Page<Reactor>>(HttpMethod.Get,
            $"/messages/{messageId}/reactions?emoji={Uri.EscapeDataString(emoji)}" + PageQuery(first, after, "&"), null, cancellationToken,
            ArgumentNames.Paging);

    public Task<Page<Message>> ThreadAsync(Guid messageId, int? first, string? after, CancellationToken cancellationToken) =>
        _api.SendAsync<Page<Message>>(HttpMethod.Get, $"/messages/{messageId}/thread" + PageQuery(first, after), null, cancellationToken,
            ArgumentNames.Paging);

    public Task<Message> MarkThreadReadAsync(Guid messageId, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Patch, $"/messages/{messageId}/thread/read", null, cancellationToken);

    public Task<List<MessageVersion>> VersionsAsync(Guid messageId, CancellationToken cancellationToken) =>
        _api.SendAsync<List<MessageVersion>>(HttpMethod.Get, $"/messages/{messageId}/versions", null, cancellationToken);

    public Task<Conversation> MuteAsync(Guid conversationId, DateTimeOffset? until, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Put, $"/conversations/{conversationId}/mute", new { until }, cancellationToken);

    public Task<Conversation> UnmuteAsync(Guid conversationId, CancellationToken cancellationToken) =>
        _api.SendAsync<Conversation>(HttpMethod.Delete, $"/conversations/{conversationId}/mute", null, cancellationToken);

    public Task<Message> EditMessageAsync(Guid id, string content, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Patch, $"/messages/{id}", new { content }, cancellationToken);

    public Task<Message> DeleteMessageAsync(Guid id, CancellationToken cancellationToken) =>
        _api.SendAsync<Message>(HttpMethod.Delete, $"/messages/{id}", null, cancellationToken);

    public Task<ReadState> MarkReadAsync(Guid id, CancellationToken cancellationToken) =>
        _api.SendAsync<ReadState>(HttpMethod.Patch, $"/messages/{id}/read", null, cancellationToken);

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
}
