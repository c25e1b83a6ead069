using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// The WebSocket transport on the running app with real Auth tokens (protocol rules in detail:
/// Chat.Tests/Gateway/WebSockets/GraphQLTransportWsProtocolTests).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class WebSocketTransportTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient http = new(fixture.GatewayUrl);

    [Fact]
    public async Task Connection_WithoutConnectionInit_IsClosedWith4408()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.GatewayUrl);

        Assert.Equal(4408, (await client.WaitForCloseAsync(TimeSpan.FromSeconds(10))).Code);
    }

    [Fact]
    public async Task ConnectionInit_WithBadToken_IsClosedWith4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.GatewayUrl);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "not-a-jwt" } });

        Assert.Equal(4403, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Query_OverTheSocket_CallsServicesWithTheConnectionsToken()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "query");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);

        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ me { id } }" } });
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal(userId.ToString(), next?["payload"]?["data"]?["me"]?["id"]?.GetValue<string>());
        Assert.Equal("complete", complete?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task MessageAdded_ForAConversationTheUserIsNotIn_IsAnErrorForThatSubscription()
    {
        var (_, token) = await TestUsers.RegisterAsync(http, "outsider");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);

        await client.SendAsync(new
        {
            id = "m", type = "subscribe",
            payload = new { query = "subscription($c: ID!) { messageAdded(conversationId: $c) { messageId } }", variables = new { c = Guid.NewGuid() } },
        });
        var error = await client.ReceiveAsync();

        Assert.Equal("error", error?["type"]?.GetValue<string>());
        Assert.Equal("m", error?["id"]?.GetValue<string>());
        Assert.Equal("FORBIDDEN", error?["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        await client.PingAsync(); // the connection stays usable
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    public void Dispose() => http.Dispose();
}
