using System.Text.Json.Nodes;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Presence;

/// <summary>The presence operations of the gateway, as a client sends them.</summary>
public sealed class PresenceGraphQL(GraphQLClient client)
{
    public const string Fields = "userId status lastSeenAt";

    public Task<GraphQLResponse> UpdateAsync(PresenceTestUser user, string status) =>
        client.SendAsync($"mutation($status: PresenceStatus!) {{ updatePresence(status: $status) {{ {Fields} }} }}", new { status }, user.AccessToken);

    public Task<GraphQLResponse> HeartbeatAsync(PresenceTestUser user) =>
        client.SendAsync($"mutation {{ heartbeat {{ {Fields} }} }}", accessToken: user.AccessToken);

    public Task<GraphQLResponse> PresenceAsync(PresenceTestUser reader, Guid userId) =>
        client.SendAsync($"query($id: ID!) {{ presence(userId: $id) {{ {Fields} }} }}", new { id = userId }, reader.AccessToken);

    public Task<GraphQLResponse> PresencesAsync(PresenceTestUser reader, IEnumerable<Guid> userIds) =>
        client.SendAsync($"query($ids: [ID!]!) {{ presences(userIds: $ids) {{ {Fields} }} }}", new { ids = userIds }, reader.AccessToken);

    /// <summary>The status <paramref name="userId"/> has right now, as another user reads it.</summary>
    public async Task<string> StatusOfAsync(PresenceTestUser reader, Guid userId)
    {
        var response = (await PresenceAsync(reader, userId)).EnsureNoErrors();
        return response.Data!["presence"]!["status"]!.GetValue<string>();
    }

    public static string StatusIn(GraphQLResponse response, string field) =>
        response.EnsureNoErrors().Data![field]!["status"]!.GetValue<string>();

    public static JsonNode PresenceIn(GraphQLResponse response, string field) => response.EnsureNoErrors().Data![field]!;
}
