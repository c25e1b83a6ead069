using System.Net;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway.WebSockets;

/// <summary>
/// A caller has one budget, whichever way its operations come in: queries over a WebSocket draw on it like HTTP
/// requests, so a socket is no way around the rate limit (issue 12).
/// </summary>
public sealed class CallerBudgetTests
{
    [Fact]
    public async Task OperationsOverASocket_BeyondTheBudget_EndWithRateLimited_AndTheConnectionCarriesOn()
    {
        await using var auth = await AuthKeysServer.StartAsync();
        var token = TestTokens.Create(auth.PublishNewKey());
        await using var factory = GatewayFactory.WithAuthAt(auth.Url, ("RateLimiting:PermitsPerUser", "3"));
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, token);

        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            await Query(client, $"q{i}");
            var answer = await client.ReceiveUntilAsync(m => m["id"]?.GetValue<string>() == $"q{i}" && m["type"]?.GetValue<string>() is "next" or "error", TimeSpan.FromSeconds(10));
            answers.Add(answer["type"]?.GetValue<string>() == "error" ? answer["payload"]![0]!["extensions"]!["code"]!.GetValue<string>() : "ok");
            if (answer["type"]?.GetValue<string>() == "error")
            {
                Assert.True(answer["payload"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>() >= 1);
            }
        }

        await client.PingAsync();
        var pong = await client.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() == "pong", TimeSpan.FromSeconds(10));

        Assert.Equal(["ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"], answers);
        Assert.NotNull(pong);
    }

    /// <summary>A query as a subscribe message (not the client's helper, which reads up to a pong past the answer).</summary>
    private static Task Query(GraphQLWsTestClient client, string id) =>
        client.SendAsync(new { id, type = "subscribe", payload = new { query = "{ __typename }" } });

    [Fact]
    public async Task SocketAndHttp_ShareOneBudget()
    {
        await using var auth = await AuthKeysServer.StartAsync();
        var token = TestTokens.Create(auth.PublishNewKey());
        await using var factory = GatewayFactory.WithAuthAt(auth.Url, ("RateLimiting:PermitsPerUser", "2"));
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, token);
        for (var i = 0; i < 2; i++)
        {
            await Query(client, $"q{i}");
            await client.ReceiveUntilAsync(m => m["id"]?.GetValue<string>() == $"q{i}" && m["type"]?.GetValue<string>() == "next", TimeSpan.FromSeconds(10));
        }
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(GraphQLHttp.Post("{ __typename }", bearer: token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("RATE_LIMITED", (await response.ReadJsonAsync()).FirstErrorCode());
    }
}
