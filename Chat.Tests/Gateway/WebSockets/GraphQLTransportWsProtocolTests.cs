using Chat.Tests.Gateway.Support;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Gateway.WebSockets;

/// <summary>
/// The rules of graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) on the
/// in-process gateway, whose connection_init timeout is shortened to half a second; tokens are checked against
/// keys served by <see cref="AuthKeysServer"/>.
/// </summary>
public sealed class GraphQLTransportWsProtocolTests(WebSocketGatewayFixture gateway) : IClassFixture<WebSocketGatewayFixture>
{
    private readonly ECDsaSecurityKey signingKey = gateway.SigningKey;
    private readonly GatewayFactory factory = gateway.Factory;

    [Fact]
    public async Task Connection_WithoutConnectionInit_IsClosedWith4408AfterTheTimeout()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        var (code, reason) = await client.WaitForCloseAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task Connection_WithoutTheSubprotocol_IsClosedWith4406()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server, subprotocol: null);

        Assert.Equal(4406, (await client.WaitForCloseAsync()).Code);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("token")]
    public async Task ConnectionInit_WithValidToken_IsAcknowledged(string form)
    {
        var token = TestTokens.Create(signingKey);
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new
        {
            type = "connection_init",
            payload = form == "token" ? (object)new { token } : new { Authorization = "Bearer " + token },
        });

        Assert.Equal("connection_ack", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task ConnectionInit_WithTokenSignedByAnUnknownKey_IsClosedWith4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new { type = "connection_init", payload = new { token = TestTokens.Create(TestTokens.NewKey()) } });

        Assert.Equal(4403, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task ConnectionInit_WithExpiredToken_IsClosedWith4403SayingItExpired()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new
        {
            type = "connection_init",
            payload = new { Authorization = "Bearer " + TestTokens.Create(signingKey, expiresIn: TimeSpan.FromMinutes(-5)) },
        });

        var (code, reason) = await client.WaitForCloseAsync();
        Assert.Equal(4403, code);
        Assert.Equal("Forbidden: access token expired", reason);
    }

    [Fact]
    public async Task ConnectionInit_WithExpiredTokenOfAnUnknownKey_IsClosedWith4403AsInvalid()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new
        {
            type = "connection_init",
            payload = new { token = TestTokens.Create(TestTokens.NewKey(), expiresIn: TimeSpan.FromMinutes(-5)) },
        });

        var (code, reason) = await client.WaitForCloseAsync();
        Assert.Equal(4403, code);
        Assert.Equal("Forbidden", reason);
    }

    [Fact]
    public async Task ConnectionInit_WithoutToken_IsClosedWith4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4403, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task SecondConnectionInit_IsClosedWith4429()
    {
        var token = TestTokens.Create(signingKey);
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, token);

        await client.SendAsync(new { type = "connection_init", payload = new { token } });

        Assert.Equal(4429, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_BeforeAck_IsClosedWith4401()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(factory.Server);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal(4401, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_WithTheIdOfARunningSubscription_IsClosedWith4409()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));
        await client.SubscribeAsync("same", "subscription { messageAdded { messageId } }");

        await client.SendAsync(new { id = "same", type = "subscribe", payload = new { query = "subscription { messageUpdated { messageId } }" } });

        var (code, reason) = await client.WaitForCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for same already exists", reason);
    }

    [Fact]
    public async Task Subscribe_AfterTheClientCompletedTheId_MayReuseIt()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));
        await client.SubscribeAsync("reused", "subscription { messageAdded { messageId } }");

        await client.SendAsync(new { id = "reused", type = "complete" });
        await client.SubscribeAsync("reused", "subscription { messageAdded { messageId } }");

        await client.PingAsync();
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task InvalidMessage_IsClosedWith4400(string message)
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));

        await client.SendRawAsync(message);

        Assert.Equal(4400, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_LargerThanTheLimit_IsClosedWith1009()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));

        await client.SendAsync(new { type = "ping", payload = new { padding = new string('x', 4096) } });

        Assert.Equal(1009, (await client.WaitForCloseAsync()).Code);
    }

    [Fact]
    public async Task Query_OverTheSocket_GetsOneNextThenComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));

        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ __typename }" } });
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("next", next?["type"]?.GetValue<string>());
        Assert.Equal("Query", next?["payload"]?["data"]?["__typename"]?.GetValue<string>());
        Assert.Equal("complete", complete?["type"]?.GetValue<string>());
        Assert.Equal("q", complete?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_WithAnInvalidDocument_GetsAnErrorMessage_AndTheConnectionStaysOpen()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { noSuchField }" } });
        var error = await client.ReceiveAsync();
        await client.PingAsync();
        var pong = await client.ReceiveAsync();

        Assert.Equal("error", error?["type"]?.GetValue<string>());
        Assert.Equal("bad", error?["id"]?.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error?["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("pong", pong?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Connection_WhenTheAccessTokenExpires_IsClosedWith4403()
    {
        var token = TestTokens.Create(signingKey, expiresIn: TimeSpan.FromSeconds(2));
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, token);

        var (code, reason) = await client.WaitForCloseAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4403, code);
        Assert.Equal("Forbidden: access token expired", reason);
    }

    [Fact]
    public async Task PingWithAFreshToken_ForTheSameUser_KeepsTheConnectionOpenPastTheOldExpiry()
    {
        var userId = Guid.NewGuid();
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server,
            TestTokens.Create(signingKey, userId, expiresIn: TimeSpan.FromSeconds(2)));

        await client.PingAsync(new { token = TestTokens.Create(signingKey, userId) });
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // past the first token's expiry
        await client.PingAsync();

        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task PingWithAnotherUsersToken_IsClosedWith4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(signingKey));

        await client.PingAsync(new { token = TestTokens.Create(signingKey) });

        Assert.Equal(4403, (await client.WaitForCloseAsync()).Code);
    }
}
