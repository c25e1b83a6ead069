using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>The protocol rules of graphql-transport-ws, against the running gateway (connection_init timeout 3 s there).</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class GraphQLTransportWsProtocolTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient http = new(fixture.GatewayUrl);

    [Fact]
    public async Task Connection_WithoutConnectionInit_IsClosedWith4408()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.GatewayUrl);

        var (code, _) = await client.WaitForCloseAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4408, code);
    }

    [Fact]
    public async Task ConnectionInit_WithBadToken_IsClosedWith4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.GatewayUrl);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "not-a-jwt" } });

        Assert.Equal(4403, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_BeforeAck_IsClosedWith4401()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(fixture.GatewayUrl);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal(4401, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task SecondConnectionInit_IsClosedWith4429()
    {
        var (_, token) = await TestUsers.RegisterAsync(http, "init");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);

        await client.SendAsync(new { type = "connection_init", payload = new { token } });

        Assert.Equal(4429, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_WithDuplicateId_IsClosedWith4409()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "dup");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);
        const string query = "subscription($ids: [ID!]!) { presenceChanged(userIds: $ids) { userId status } }";
        await client.SubscribeAsync("same", query, new { ids = new[] { userId } });

        await client.SendAsync(new { id = "same", type = "subscribe", payload = new { query, variables = new { ids = new[] { userId } } } });

        var (code, reason) = await client.WaitForCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for same already exists", reason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    public async Task InvalidMessage_IsClosedWith4400(string message)
    {
        var (_, token) = await TestUsers.RegisterAsync(http, "bad");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);

        await client.SendRawAsync(message);

        Assert.Equal(4400, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_AndQueryGetsOneNextThenComplete()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "query");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ me { id } }" } });
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("next", next?["type"]?.GetValue<string>());
        Assert.Equal(userId.ToString(), next?["payload"]?["data"]?["me"]?["id"]?.GetValue<string>());
        Assert.Equal("complete", complete?["type"]?.GetValue<string>());
        Assert.Equal("q", complete?["id"]?.GetValue<string>());
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
        Assert.Contains(error?["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>(), new[] { "FORBIDDEN", "NOT_FOUND" });
        // The connection stays usable.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    public void Dispose() => http.Dispose();
}
