using System.Text.Json.Nodes;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Presence;

/// <summary>
/// The presence operations of the gateway, as a client sends them. With <c>retryUnavailable</c> (the default) a
/// SERVICE_UNAVAILABLE answer is retried for a while: on this shared 2-core machine a cold Presence instance can
/// outlast the gateway's 2 s budget, and availability is not what those tests check (every operation here is
/// idempotent). The outage test turns it off.
/// </summary>
public sealed class PresenceGraphQL(GraphQLClient client, bool retryUnavailable = true)
{
    public const string Fields = "userId status lastSeenAt";

    public Task<GraphQLResponse> UpdateAsync(PresenceTestUser user, string status) =>
        SendAsync($"mutation($status: PresenceStatus!) {{ updatePresence(status: $status) {{ {Fields} }} }}", new { status }, user.AccessToken);

    public Task<GraphQLResponse> HeartbeatAsync(PresenceTestUser user) =>
        SendAsync($"mutation {{ heartbeat {{ {Fields} }} }}", null, user.AccessToken);

    public Task<GraphQLResponse> PresenceAsync(PresenceTestUser reader, Guid userId) =>
        SendAsync($"query($id: ID!) {{ presence(userId: $id) {{ {Fields} }} }}", new { id = userId }, reader.AccessToken);

    public Task<GraphQLResponse> PresencesAsync(PresenceTestUser reader, IEnumerable<Guid> userIds) =>
        SendAsync($"query($ids: [ID!]!) {{ presences(userIds: $ids) {{ {Fields} }} }}", new { ids = userIds }, reader.AccessToken);

    /// <summary>The status <paramref name="userId"/> has right now, as another user reads it.</summary>
    public async Task<string> StatusOfAsync(PresenceTestUser reader, Guid userId)
    {
        var response = (await PresenceAsync(reader, userId)).EnsureNoErrors();
        return response.Data!["presence"]!["status"]!.GetValue<string>();
    }

    public static string StatusIn(GraphQLResponse response, string field) =>
        response.EnsureNoErrors().Data![field]!["status"]!.GetValue<string>();

    public static JsonNode PresenceIn(GraphQLResponse response, string field) => response.EnsureNoErrors().Data![field]!;

    private Task<GraphQLResponse> SendAsync(string query, object? variables, string accessToken) => retryUnavailable
        ? Eventually.ReturnsAsync(() => client.SendAsync(query, variables, accessToken),
            response => !response.ErrorCodes.Contains("SERVICE_UNAVAILABLE"), TimeSpan.FromSeconds(20), "Presence to answer in time")
        : client.SendAsync(query, variables, accessToken);
}
