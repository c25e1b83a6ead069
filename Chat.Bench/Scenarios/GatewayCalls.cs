using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Chat.Bench.Scenarios;

/// <summary>The gateway's GraphQL over HTTP as the benchmarks use it to set up users and send messages.</summary>
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

    public static async Task<string> CreateConversationAsync(HttpClient http, string token, string participantId)
    {
        var data = await GraphQLAsync(http, token,
            "mutation($input: CreateConversationInput!) { createConversation(input: $input) { id } }",
            new { input = new { participantIds = new[] { participantId } } });
        return data["createConversation"]!["id"]!.GetValue<string>();
    }

    public static Task SendMessageAsync(HttpClient http, string token, string conversationId, string content) =>
        GraphQLAsync(http, token, "mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }",
            new { input = new { conversationId, content, clientMessageId = Guid.NewGuid().ToString() } });

    public static async Task<JsonNode> GraphQLAsync(HttpClient http, string? token, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["errors"] is null && body?["data"] is { } data
            ? data
            : throw new InvalidOperationException($"GraphQL call failed ({(int)response.StatusCode}): {body}");
    }
}
