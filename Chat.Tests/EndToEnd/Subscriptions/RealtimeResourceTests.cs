using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using StackExchange.Redis;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>What open connections hold in Redis: one notification channel per user and instance, a connection counter.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class RealtimeResourceTests(DistributedAppFixture fixture) : IAsyncLifetime
{
    private readonly GraphQLClient http = new(fixture.GatewayUrl);
    private ConnectionMultiplexer redis = null!;

    public async ValueTask InitializeAsync() =>
        redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));

    [Fact]
    public async Task NotificationChannel_IsOneRedisSubscriptionPerUserAndInstance_ReleasedWithTheLastSubscriber()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "channel");
        var channel = RedisChannel.Literal("notifications:" + userId);
        var first = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);
        var second = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);
        await first.SubscribeAsync("n", "subscription { notificationAdded { id } }");
        await first.SubscribeAsync("n2", "subscription { notificationAdded { id } }");
        await second.SubscribeAsync("n", "subscription { notificationAdded { id } }");

        var whileSubscribed = await SubscribersAsync(channel);
        await first.DisposeAsync();
        var afterFirstLeft = await SubscribersAsync(channel);
        await second.DisposeAsync();

        Assert.Equal(1, whileSubscribed);
        Assert.Equal(1, afterFirstLeft);
        await Eventually.ReturnsAsync(() => SubscribersAsync(channel), count => count == 0, TimeSpan.FromSeconds(5), "the channel released");
    }

    [Fact]
    public async Task ConnectionCounter_CountsConnectionsOnEveryInstance_AndIsRemovedWithTheLast()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "counter");
        var key = new RedisKey("presence:connections:" + userId);
        var onFirst = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, token);
        var onSecond = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.EndpointOf(ResourceNames.Gateway + "-2"), token);

        await Eventually.ReturnsAsync(async () => (long?)await redis.GetDatabase().StringGetAsync(key), count => count == 2,
            TimeSpan.FromSeconds(5), "two connections counted");
        await onFirst.DisposeAsync();
        await Eventually.ReturnsAsync(async () => (long?)await redis.GetDatabase().StringGetAsync(key), count => count == 1,
            TimeSpan.FromSeconds(5), "one connection counted");
        await onSecond.DisposeAsync();

        await Eventually.ReturnsAsync(() => redis.GetDatabase().KeyExistsAsync(key), exists => !exists, TimeSpan.FromSeconds(5), "the counter removed");
    }

    private async Task<long> SubscribersAsync(RedisChannel channel)
    {
        var server = redis.GetServers().Single();
        var result = await server.ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString());
        return (long)((RedisResult[])result!)[1];
    }

    public async ValueTask DisposeAsync()
    {
        await redis.DisposeAsync();
        http.Dispose();
    }
}
