using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using StackExchange.Redis;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// The npm <c>graphql-ws</c> client — a real client we did not write — against the running gateway
/// (Chat.Tests/EndToEnd/ws-client/subscribe.mjs prints what it receives as JSON lines).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class GraphQLWsNodeClientTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly string ClientDirectory =
        Path.Combine(ExternalProcess.RepositoryRoot(), "Chat.Tests", "EndToEnd", "ws-client");

    private readonly GraphQLClient http = new(fixture.GatewayUrl);

    [Fact]
    public async Task GraphQLWsClient_SubscribedToNotificationAdded_ReceivesTheNotification()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "nodeclient");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));
        var gateway2 = fixture.EndpointOf(ResourceNames.Gateway + "-2");

        var run = RunClientAsync(gateway2, token, "subscription { notificationAdded { id title } }", maxEvents: 1, seconds: 20);
        // The client cannot tell when its subscription is live, so publish until it has received one.
        var notificationId = Guid.NewGuid();
        while (!run.IsCompleted)
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("notifications:" + userId), JsonSerializer.Serialize(new
            {
                id = notificationId, userId, type = "test", title = "Hello from Redis", message = "m", read = false, createdAt = DateTimeOffset.UtcNow,
            }, JsonSerializerOptions.Web));
            await Task.WhenAny(run, Task.Delay(200, TestContext.Current.CancellationToken));
        }
        var lines = await run;

        Assert.Equal("connected", lines[0]["event"]!.GetValue<string>());
        var next = Assert.Single(lines, line => line["event"]!.GetValue<string>() == "next");
        Assert.Equal(notificationId.ToString(), next["payload"]!["data"]!["notificationAdded"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQLWsClient_WithInvalidToken_IsClosedWith4403()
    {
        var lines = await RunClientAsync(fixture.GatewayUrl, "invalid-token", "subscription { notificationAdded { id } }", maxEvents: 1, seconds: 10);

        var closed = lines.First(line => line["event"]!.GetValue<string>() == "closed");
        Assert.Equal(4403, closed["code"]!.GetValue<int>());
        Assert.DoesNotContain(lines, line => line["event"]!.GetValue<string>() == "connected");
    }

    private static async Task<List<JsonObject>> RunClientAsync(Uri gatewayUrl, string token, string query, int maxEvents, int seconds)
    {
        if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "graphql-ws")))
        {
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ClientDirectory, TimeSpan.FromMinutes(3));
        }

        var url = new UriBuilder(gatewayUrl) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var output = await ExternalProcess.RunAsync("node",
            ["subscribe.mjs", url, token, query, "{}", maxEvents.ToString(), seconds.ToString()], ClientDirectory, TimeSpan.FromSeconds(seconds + 30));
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
    }

    public void Dispose() => http.Dispose();
}
