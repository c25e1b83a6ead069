using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Chat.Bench.Client;

/// <summary>
/// The gateway's GraphQL over HTTP as the benchmarks use it to set up users and conversations and to send messages.
/// The <see cref="HttpClient"/>'s base address is the GraphQL endpoint itself.
/// </summary>
public static class GatewayCalls
{
    public static async Task<(string Id, string Token)> RegisterAsync(HttpClient http)
    {
        var name = "bench" + Guid.NewGuid().ToString("N")[..10];
        var data = await GraphQLAsync(http, null,
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }",
            new { input = new { email = $"{name}@example.com", username = name, password = "benchmark password 1" } });
        return (data["register"]!["user"]!["id"]!.GetValue<string>(), data["register"]!["accessToken"]!.GetValue<string>());
    }

    /// <summary>A 1:1 conversation with <paramref name="participantIds"/>' one user, or a group with all of them.</summary>
    public static async Task<string> CreateConversationAsync(HttpClient http, string token, IReadOnlyList<string> participantIds)
    {
        var isGroup = participantIds.Count > 1;
        var data = await GraphQLAsync(http, token,
            "mutation($input: CreateConversationInput!) { createConversation(input: $input) { id } }",
            new { input = new { participantIds, isGroup, title = isGroup ? "bench group" : null } });
        return data["createConversation"]!["id"]!.GetValue<string>();
    }

    public static Task SendMessageAsync(HttpClient http, string token, string conversationId, string content, CancellationToken cancellationToken) =>
        GraphQLAsync(http, token, "mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }",
            new { input = new { conversationId, content, clientMessageId = Guid.NewGuid().ToString() } }, cancellationToken);

    public static async Task<JsonNode> GraphQLAsync(HttpClient http, string? token, string query, object variables, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, http.BaseAddress) { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["errors"] is null && body?["data"] is { } data
            ? data
            : throw new InvalidOperationException($"GraphQL call failed ({(int)response.StatusCode}): {body}");
    }
}
