using System.Text.Json.Nodes;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>A registered user driving the gateway with their own token; helpers for the messaging operations.</summary>
public sealed class ChatUser(GraphQLClient client, Guid id, string username, string accessToken)
{
    public const string ConversationFields = "id isGroup title participantIds unreadCount lastMessage { id content } participants { id username }";
    public const string MessageFields = "id conversationId senderId content clientMessageId createdAt editedAt deletedAt isDeleted sender { id username }";

    public Guid Id { get; } = id;

    public string Username { get; } = username;

    public string AccessToken { get; } = accessToken;

    public static async Task<ChatUser> RegisterAsync(GraphQLClient client, string prefix = "user")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..10];
        var response = (await client.SendAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }",
            new { input = new { email = $"{name}@example.com", username = name, password = "correct horse 1" } })).EnsureNoErrors();
        var payload = response.Data!["register"]!;
        return new ChatUser(client, Guid.Parse(payload["user"]!["id"]!.GetValue<string>()), name, payload["accessToken"]!.GetValue<string>());
    }

    public Task<GraphQLResponse> SendAsync(string query, object? variables = null) => client.SendAsync(query, variables, AccessToken);

    /// <summary>A 1:1 conversation with one other user, else (several, or a title) a group.</summary>
    public async Task<JsonNode> CreateConversationAsync(IEnumerable<ChatUser> others, string? title = null)
    {
        var participantIds = others.Select(u => u.Id).ToArray();
        return (await SendAsync(
            $"mutation($input: CreateConversationInput!) {{ createConversation(input: $input) {{ {ConversationFields} }} }}",
            new { input = new { participantIds, title, isGroup = participantIds.Length > 1 || title is not null } }))
            .EnsureNoErrors().Data!["createConversation"]!;
    }

    public Task<GraphQLResponse> TrySendMessageAsync(string conversationId, string content, string? clientMessageId = null) =>
        SendAsync($"mutation($input: SendMessageInput!) {{ sendMessage(input: $input) {{ {MessageFields} }} }}",
            new { input = new { conversationId, content, clientMessageId } });

    public async Task<JsonNode> SendMessageAsync(string conversationId, string content, string? clientMessageId = null) =>
        (await TrySendMessageAsync(conversationId, content, clientMessageId)).EnsureNoErrors().Data!["sendMessage"]!;

    public Task<GraphQLResponse> TryMessagesAsync(string conversationId, int? first = null, string? after = null) =>
        SendAsync($"query($id: ID!, $first: Int, $after: String) {{ messages(conversationId: $id, first: $first, after: $after) {{ edges {{ cursor node {{ {MessageFields} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            new { id = conversationId, first, after });

    public async Task<JsonNode> MessagesAsync(string conversationId, int? first = null, string? after = null) =>
        (await TryMessagesAsync(conversationId, first, after)).EnsureNoErrors().Data!["messages"]!;

    public Task<GraphQLResponse> TryConversationAsync(string conversationId) =>
        SendAsync($"query($id: ID!) {{ conversation(id: $id) {{ {ConversationFields} }} }}", new { id = conversationId });

    public async Task<JsonNode> ConversationAsync(string conversationId) =>
        (await TryConversationAsync(conversationId)).EnsureNoErrors().Data!["conversation"]!;
}
