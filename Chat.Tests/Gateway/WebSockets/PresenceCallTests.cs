using Chat.Tests.Gateway.Support;
using Microsoft.AspNetCore.Http;

namespace Chat.Tests.Gateway.WebSockets;

/// <summary>
/// What WebSocket connections cost Presence (issue 15): a user's later connections send no heartbeat of their own, and
/// a storm of connections keeps only a few presence calls in flight, instead of a socket to Presence per connection.
/// </summary>
public sealed class PresenceCallTests
{
    [Fact]
    public async Task ManyConnectionsOfOneUser_SendOneHeartbeat()
    {
        await using var services = await AuthKeysServer.StartAsync();
        var key = services.PublishNewKey();
        var user = Guid.NewGuid();
        await using var factory = GatewayFactory.WithAuthAt(services.Url, ("services:presence:http:0", services.Url.ToString().TrimEnd('/')));

        var clients = new List<GraphQLWsTestClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(key, user)));
        }
        // Each connection first counts itself in Redis (unreachable here, so that takes a while), then heartbeats if first.
        await Chat.Tests.Infrastructure.Eventually.TrueAsync(
            () => services.OtherRequests.Any(request => request.Path == "/presence/heartbeat"), TimeSpan.FromSeconds(30), "the first heartbeat");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.Single(services.OtherRequests, request => request.Path == "/presence/heartbeat");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectionStorm_KeepsAtMostTheConfiguredPresenceCallsInFlight_AndHeartbeatsEveryUser()
    {
        await using var services = await AuthKeysServer.StartAsync();
        var key = services.PublishNewKey();
        var inFlight = new InFlightCounter();
        services.AnswerOthers = _ => inFlight;
        await using var factory = GatewayFactory.WithAuthAt(services.Url,
            ("services:presence:http:0", services.Url.ToString().TrimEnd('/')), ("WebSockets:MaxConcurrentPresenceCalls", "3"));

        var clients = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ =>
            GraphQLWsTestClient.ConnectAndInitAsync(factory.Server, TestTokens.Create(key, Guid.NewGuid()))));
        await Chat.Tests.Infrastructure.Eventually.TrueAsync(
            () => services.OtherRequests.Count(request => request.Path == "/presence/heartbeat") == 24,
            TimeSpan.FromSeconds(30), "a heartbeat for each of the 24 users");

        Assert.InRange(inFlight.Highest, 1, 3);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>Answers 204 after a while, recording how many answers were in progress at once.</summary>
    private sealed class InFlightCounter : IResult
    {
        private int current;
        private int highest;

        public int Highest => Volatile.Read(ref highest);

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var now = Interlocked.Increment(ref current);
            int seen;
            while (now > (seen = Volatile.Read(ref highest)) && Interlocked.CompareExchange(ref highest, now, seen) != seen)
            {
            }

            await Task.Delay(200);
            Interlocked.Decrement(ref current);
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }
}
